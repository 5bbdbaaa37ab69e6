namespace Mariachi.Communication;

/// <summary>
/// One procedure an assembly registers, written by the Mariachi analyzers' catalog generator as an assembly-level
/// attribute so that the analyzers of a referencing project can check its calls and registrations against it
/// (MAR0004, MAR0012, MAR0013). Not written by hand; the runtime does not read it.
/// </summary>
/// <remarks>
/// A type that cannot be named at assembly level (a private nested or file-local type, a type parameter) is
/// recorded by name only (<see cref="Input"/> or <see cref="Output"/> is then null): a referencing project cannot
/// name that type either, so the analyzers check the procedure's name but not that side's type.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ProcedureCatalogEntryAttribute : Attribute
{
    /// <summary>An entry whose input and output types can be named at assembly level.</summary>
    public ProcedureCatalogEntryAttribute(string name, Type input, Type output)
    {
        Name = name;
        Input = input;
        Output = output;
        InputTypeName = input?.FullName ?? string.Empty;
        OutputTypeName = output?.FullName ?? string.Empty;
    }

    /// <summary>An entry with at least one type that cannot be named at assembly level: both given by their display names.</summary>
    public ProcedureCatalogEntryAttribute(string name, string inputTypeName, string outputTypeName)
    {
        Name = name;
        InputTypeName = inputTypeName;
        OutputTypeName = outputTypeName;
    }

    /// <summary>The procedure name, as registered.</summary>
    public string Name { get; }

    /// <summary>The handler's input type; null when it is recorded by name only.</summary>
    public Type? Input { get; }

    /// <summary>The handler's output type; null when it is recorded by name only.</summary>
    public Type? Output { get; }

    /// <summary>The input type's name (its full name, or the display name when recorded by name only).</summary>
    public string InputTypeName { get; }

    /// <summary>The output type's name (its full name, or the display name when recorded by name only).</summary>
    public string OutputTypeName { get; }

    /// <summary>True when the input type is registered as a nullable reference type (<c>T?</c>), which <c>typeof</c> cannot say.</summary>
    public bool InputNullable { get; set; }

    /// <summary>True when the output type is registered as a nullable reference type (<c>T?</c>), which <c>typeof</c> cannot say.</summary>
    public bool OutputNullable { get; set; }
}
