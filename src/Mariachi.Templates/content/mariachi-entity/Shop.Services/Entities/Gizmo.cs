using Mariachi.Data;

namespace Shop.Services;

/// <summary>
/// A gizmo: owned by a tenant (the repository fills and filters TenantId), soft-deleted rather than removed,
/// versioned. Reach it through IRepository&lt;Gizmo&gt; in a service.
/// </summary>
public sealed class Gizmo : TenantEntity
{
    public string Name { get; set; } = string.Empty;
}
