using Mariachi.Data;

namespace Shop.Services;

/// <summary>An order: tenant-owned, soft-deleted rather than removed, versioned by the repository.</summary>
public sealed class Order : TenantEntity
{
    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}
