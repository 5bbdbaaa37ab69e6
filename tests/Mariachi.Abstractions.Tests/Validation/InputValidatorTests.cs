using System.ComponentModel.DataAnnotations;
using Mariachi.Validation;

namespace Mariachi.Abstractions.Tests.Validation;

public sealed class InputValidatorTests
{
    private readonly InputValidator _validator = new();

    [Fact]
    public void A_type_without_attributes_passes_and_has_no_rules()
    {
        _validator.Validate(new Plain { Name = null, Count = -1 });

        Assert.False(_validator.HasRules(typeof(Plain)));
        Assert.False(_validator.HasRules(typeof(string)));
    }

    [Fact]
    public void Null_input_passes()
    {
        _validator.Validate(null);
        _validator.Validate(null, "orders.create");
    }

    [Fact]
    public void Types_with_rules_are_reported()
    {
        Assert.True(_validator.HasRules(typeof(AnnotatedClass)));
        Assert.True(_validator.HasRules(typeof(PropertyTargetRecord)));
        Assert.True(_validator.HasRules(typeof(ParameterRecord)));
        Assert.True(_validator.HasRules(typeof(SelfValidating)));
        Assert.True(_validator.HasRules(typeof(TypeLevelRule)));
    }

    [Fact]
    public void A_valid_class_passes()
    {
        _validator.Validate(new AnnotatedClass { Name = "Ada", Quantity = 3, Code = "AB" });
    }

    [Fact]
    public void Class_property_attributes_are_enforced()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new AnnotatedClass { Name = null, Quantity = 11, Code = "TOOLONG" }));

        var errors = Errors(error);
        Assert.Equal(["Code", "Name", "Quantity"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Name", Assert.Single(errors["Name"]), StringComparison.Ordinal);
        Assert.Contains("Quantity", Assert.Single(errors["Quantity"]), StringComparison.Ordinal);
        Assert.Contains("Code", Assert.Single(errors["Code"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_failing_members_are_reported()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new AnnotatedClass { Name = "Ada", Quantity = 0 }));

        Assert.Equal(["Quantity"], Errors(error).Keys);
    }

    [Fact]
    public void Record_property_targeted_attributes_are_enforced()
    {
        _validator.Validate(new PropertyTargetRecord("Ada", 5));

        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new PropertyTargetRecord(null, 50)));

        Assert.Equal(["Name", "Quantity"], Errors(error).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Record_primary_constructor_parameter_attributes_are_enforced()
    {
        _validator.Validate(new ParameterRecord("Ada", 5, "ABC"));

        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new ParameterRecord("", 0, "ABCD")));

        var errors = Errors(error);
        Assert.Equal(["Code", "Name", "Quantity"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Name", errors["Name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_on_both_parameter_and_property_reports_once()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new BothTargetsRecord(null)));

        Assert.Single(Errors(error)["Name"]);
    }

    [Fact]
    public void The_error_has_the_validation_code_and_field_errors()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new ParameterRecord(null, 1), "orders.create"));

        Assert.Equal(ErrorCodes.Validation.InvalidInput, error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(error.Metadata["errors"]);
        Assert.Equal("orders.create", error.Metadata["procedure"]);
        Assert.Contains("'orders.create'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Name:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_operation_the_message_says_the_input()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new ParameterRecord(null, 1)));

        Assert.StartsWith("The input is invalid: Name:", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Metadata["procedure"]);
    }

    [Fact]
    public void IValidatableObject_runs()
    {
        _validator.Validate(new SelfValidating { Start = 1, End = 2 });

        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new SelfValidating { Start = 5, End = 2 }));

        Assert.Equal(["End must be after Start."], Errors(error)["End"]);
    }

    [Fact]
    public void IValidatableObject_results_without_members_are_keyed_by_an_empty_name()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new SelfValidating { Start = 0, End = 0 }));

        Assert.Equal(["Empty range."], Errors(error)[string.Empty]);
    }

    [Fact]
    public void IValidatableObject_does_not_run_when_attributes_fail()
    {
        var input = new SelfValidatingWithAttributes { Name = null };

        var error = Assert.Throws<ValidationError>(() => _validator.Validate(input));

        Assert.Equal(["Name"], Errors(error).Keys);
        Assert.False(input.Validated);
    }

    [Fact]
    public void Type_level_attributes_run()
    {
        var error = Assert.Throws<ValidationError>(() => _validator.Validate(new TypeLevelRule()));

        Assert.Equal(["The whole input is rejected."], Errors(error)[string.Empty]);
    }

    [Fact]
    public void Validation_works_again_for_a_cached_type()
    {
        _validator.Validate(new ParameterRecord("Ada", 1));
        Assert.Throws<ValidationError>(() => _validator.Validate(new ParameterRecord(null, 1)));
        _validator.Validate(new ParameterRecord("Bob", 2));
        Assert.Throws<ValidationError>(() => _validator.Validate(new ParameterRecord("Bob", 20)));
    }

    private static IReadOnlyDictionary<string, string[]> Errors(ValidationError error) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(error.Metadata["errors"]);

    public sealed class Plain
    {
        public string? Name { get; set; }

        public int Count { get; set; }
    }

    public sealed class AnnotatedClass
    {
        [Required]
        public string? Name { get; set; }

        [Range(1, 10)]
        public int Quantity { get; set; }

        [StringLength(5)]
        public string? Code { get; set; }
    }

    public sealed record PropertyTargetRecord([property: Required] string? Name, [property: Range(1, 10)] int Quantity);

    public sealed record ParameterRecord([Required] string? Name, [Range(1, 10)] int Quantity, [StringLength(3)] string? Code = null);

    public sealed record BothTargetsRecord([Required][property: Required] string? Name);

    public sealed class SelfValidating : IValidatableObject
    {
        public int Start { get; set; }

        public int End { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Start == End)
            {
                yield return new ValidationResult("Empty range.");
            }
            else if (End < Start)
            {
                yield return new ValidationResult("End must be after Start.", [nameof(End)]);
            }
        }
    }

    public sealed class SelfValidatingWithAttributes : IValidatableObject
    {
        [Required]
        public string? Name { get; set; }

        public bool Validated { get; private set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            Validated = true;
            return [];
        }
    }

    [RejectAll]
    public sealed class TypeLevelRule
    {
        public int Value { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class RejectAllAttribute : ValidationAttribute
    {
        public RejectAllAttribute()
            : base("The whole input is rejected.")
        {
        }

        public override bool IsValid(object? value) => false;
    }
}
