namespace Mariachi.Analyzers.Core;

/// <summary>The assembly attribute that carries a catalog entry (declared in Mariachi.Abstractions).</summary>
internal static class CatalogAttribute
{
    public const string Namespace = "Mariachi.Communication";
    public const string Name = "ProcedureCatalogEntryAttribute";
    public const string MetadataName = Namespace + "." + Name;
    public const string HandleName = "ProcedureHandleNameAttribute";
    public const string HandleMetadataName = Namespace + "." + HandleName;

    /// <summary>The named arguments that say a typed entry's type is a nullable reference type (an older Mariachi.Abstractions does not declare them).</summary>
    public const string InputNullable = "InputNullable";
    public const string OutputNullable = "OutputNullable";

    /// <summary>True when the compilation can write catalog entries (its Mariachi.Abstractions declares the attribute).</summary>
    public static bool IsAvailable(KnownSymbols symbols) => symbols.ProcedureCatalogEntryAttribute is not null;

    /// <summary>True when the compilation's attribute declares <see cref="InputNullable"/> and <see cref="OutputNullable"/>.</summary>
    public static bool WritesNullable(KnownSymbols symbols) =>
        symbols.ProcedureCatalogEntryAttribute is { } attribute
        && !attribute.GetMembers(InputNullable).IsEmpty
        && !attribute.GetMembers(OutputNullable).IsEmpty;
}
