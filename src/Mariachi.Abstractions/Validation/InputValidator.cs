using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Mariachi.Validation;

/// <summary>
/// Validates inputs with DataAnnotations before a handler runs. What a type needs is worked out once per type, so
/// an input type without validation attributes costs one dictionary lookup. Attributes on a record's primary
/// constructor parameters count as if they were on the property (<c>record Create([Required] string Name)</c>).
/// </summary>
public sealed class InputValidator
{
    private readonly ConcurrentDictionary<Type, TypeRules> _rules = new();

    /// <summary>
    /// Throws <see cref="ValidationError"/> (<see cref="ErrorCodes.Validation.InvalidInput"/>) with the field errors in
    /// <c>Metadata["errors"]</c> (field name to messages) when <paramref name="input"/> is invalid.
    /// </summary>
    public void Validate(object? input, string? operation = null)
    {
        if (input is null)
        {
            return;
        }

        var rules = _rules.GetOrAdd(input.GetType(), TypeRules.For);
        if (rules.IsEmpty)
        {
            return;
        }

        var errors = rules.Check(input);
        if (errors.Count == 0)
        {
            return;
        }

        var what = operation is null ? "The input" : $"The input of '{operation}'";
        var summary = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        throw new ValidationError(
            ErrorCodes.Validation.InvalidInput,
            $"{what} is invalid: {summary}",
            MariachiError.Meta(("errors", errors), ("procedure", operation)));
    }

    /// <summary>True when values of <paramref name="type"/> carry any validation rule.</summary>
    public bool HasRules(Type type) => !_rules.GetOrAdd(type, TypeRules.For).IsEmpty;

    private sealed class TypeRules
    {
        private readonly (PropertyInfo Property, ValidationAttribute[] Attributes)[] _members;
        private readonly ValidationAttribute[] _typeAttributes;
        private readonly bool _selfValidating;

        private TypeRules(
            (PropertyInfo, ValidationAttribute[])[] members,
            ValidationAttribute[] typeAttributes,
            bool selfValidating)
        {
            _members = members;
            _typeAttributes = typeAttributes;
            _selfValidating = selfValidating;
        }

        public bool IsEmpty => _members.Length == 0 && _typeAttributes.Length == 0 && !_selfValidating;

        public static TypeRules For(Type type)
        {
            var parameterAttributes = type.GetConstructors()
                .SelectMany(c => c.GetParameters())
                .Where(p => p.Name is not null)
                .GroupBy(p => p.Name!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(p => p.GetCustomAttributes<ValidationAttribute>(true)).ToArray(), StringComparer.Ordinal);

            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
                .Select(p => (Property: p, Attributes: p.GetCustomAttributes<ValidationAttribute>(true)
                    .Concat(parameterAttributes.GetValueOrDefault(p.Name) ?? [])
                    .Distinct()
                    .ToArray()))
                .Where(m => m.Attributes.Length > 0)
                .ToArray();

            return new TypeRules(
                members,
                type.GetCustomAttributes<ValidationAttribute>(true).ToArray(),
                typeof(IValidatableObject).IsAssignableFrom(type));
        }

        public Dictionary<string, string[]> Check(object input)
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var results = new List<ValidationResult>();
            foreach (var (property, attributes) in _members)
            {
                var context = new ValidationContext(input) { MemberName = property.Name, DisplayName = property.Name };
                results.Clear();
                if (!Validator.TryValidateValue(property.GetValue(input), context, results, attributes))
                {
                    Collect(errors, results, property.Name);
                }
            }

            if (_typeAttributes.Length > 0)
            {
                results.Clear();
                if (!Validator.TryValidateValue(input, new ValidationContext(input), results, _typeAttributes))
                {
                    Collect(errors, results, string.Empty);
                }
            }

            if (_selfValidating && errors.Count == 0)
            {
                Collect(errors, ((IValidatableObject)input).Validate(new ValidationContext(input)), string.Empty);
            }

            return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        }

        private static void Collect(Dictionary<string, List<string>> errors, IEnumerable<ValidationResult> results, string fallbackMember)
        {
            foreach (var result in results)
            {
                var members = result.MemberNames.Any() ? result.MemberNames : [fallbackMember];
                foreach (var member in members)
                {
                    if (!errors.TryGetValue(member, out var messages))
                    {
                        errors[member] = messages = [];
                    }

                    messages.Add(result.ErrorMessage ?? "The value is invalid.");
                }
            }
        }
    }
}
