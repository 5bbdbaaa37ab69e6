using Mariachi.Data;

namespace Mariachi.Testing.Conformance;

/// <summary>
/// The tenant entity of <see cref="RepositoryConformanceTests"/>. Plain settable properties and non-null strings, so
/// any adapter (a database one included) can map it without configuration beyond a table.
/// </summary>
public sealed class ConformanceItem : TenantEntity
{
    public string Name { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public int Quantity { get; set; }
}
