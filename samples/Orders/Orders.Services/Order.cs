using Mariachi.Data;

namespace Orders.Services;

/// <summary>An order: tenant-owned, soft-deleted when cancelled, versioned by the repository.</summary>
public sealed class Order : TenantEntity
{
    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}
