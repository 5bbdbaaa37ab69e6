namespace Mariachi.Analyzers.Core;

/// <summary>The assembly attribute that carries a catalog entry (declared in Mariachi.Abstractions).</summary>
internal static class CatalogAttribute
{
    public const string Namespace = "Mariachi.Communication";
    public const string Name = "ProcedureCatalogEntryAttribute";
    public const string MetadataName = Namespace + "." + Name;
    public const string HandleName = "ProcedureHandleNameAttribute";
    public const string HandleMetadataName = Namespace + "." + HandleName;

    /// <summary>True when the compilation can write catalog entries (its Mariachi.Abstractions declares the attribute).</summary>
    public static bool IsAvailable(KnownSymbols symbols) => symbols.ProcedureCatalogEntryAttribute is not null;
}
