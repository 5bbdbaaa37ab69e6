using System.Reflection;

namespace Mariachi.Abstractions.Tests.Errors;

/// <summary>Checks every <see cref="MariachiError"/> subclass of the abstractions assembly by reflection.</summary>
public sealed class MariachiErrorSubclassTests
{
    private static readonly Type[] ConstructorSignature =
        [typeof(string), typeof(string), typeof(IReadOnlyDictionary<string, object?>), typeof(Exception)];

    public static TheoryData<Type> Subclasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in FindSubclasses())
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void The_known_error_types_are_all_found()
    {
        var found = FindSubclasses().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "AuthError", "BillingError", "CacheError", "CommunicationError", "ConfigError", "ConflictError",
                "DatabaseError", "EventsError", "IntegrationError", "JobsError", "NotFoundError", "NotificationError",
                "RateLimitError", "SearchError", "StorageError", "TenancyError", "ValidationError",
            },
            found);
    }

    [Theory]
    [MemberData(nameof(Subclasses))]
    public void Each_subclass_is_public_and_named_error(Type type)
    {
        Assert.True(type.IsPublic, $"{type.Name} is not public.");
        Assert.EndsWith("Error", type.Name, StringComparison.Ordinal);
        Assert.Equal("Mariachi", type.Namespace);
    }

    [Theory]
    [MemberData(nameof(Subclasses))]
    public void Each_subclass_has_the_code_message_metadata_inner_constructor(Type type)
    {
        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, ConstructorSignature);

        Assert.NotNull(constructor);
        var parameters = constructor.GetParameters();
        Assert.Equal(["code", "message", "metadata", "innerException"], parameters.Select(p => p.Name));
        Assert.False(parameters[0].IsOptional);
        Assert.False(parameters[1].IsOptional);
        Assert.True(parameters[2].IsOptional);
        Assert.True(parameters[3].IsOptional);
    }

    [Theory]
    [MemberData(nameof(Subclasses))]
    public void Each_subclass_keeps_its_values(Type type)
    {
        var metadata = MariachiError.Meta(("key", "value"));
        var inner = new InvalidOperationException("inner");
        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, ConstructorSignature)!;

        var error = Assert.IsAssignableFrom<MariachiError>(constructor.Invoke(["area/kind", "what happened", metadata, inner]));

        Assert.IsType(type, error);
        Assert.Equal("area/kind", error.Code);
        Assert.Equal("what happened", error.Message);
        Assert.Same(metadata, error.Metadata);
        Assert.Same(inner, error.InnerException);
    }

    [Theory]
    [MemberData(nameof(Subclasses))]
    public void Each_subclass_defaults_metadata_to_empty_and_rejects_a_blank_code(Type type)
    {
        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, ConstructorSignature)!;

        var error = (MariachiError)constructor.Invoke(["area/kind", "message", null, null]);
        Assert.NotNull(error.Metadata);
        Assert.Empty(error.Metadata);
        Assert.Null(error.InnerException);

        var thrown = Assert.Throws<TargetInvocationException>(() => constructor.Invoke([" ", "message", null, null]));
        Assert.IsType<ArgumentException>(thrown.InnerException);
    }

    private static IEnumerable<Type> FindSubclasses() =>
        typeof(MariachiError).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MariachiError)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
