using Mariachi.Data;

namespace Mariachi.Testing.Conformance;

/// <summary>The non-tenant entity of <see cref="RepositoryConformanceTests"/>: shared by all tenants, needs no tenant.</summary>
public sealed class ConformanceGlobalItem : BaseEntity
{
    public string Name { get; set; } = string.Empty;
}
