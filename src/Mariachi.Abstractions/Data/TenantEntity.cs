namespace Mariachi.Data;

/// <summary>A <see cref="BaseEntity"/> owned by a tenant. The repository stamps <see cref="TenantId"/>.</summary>
public abstract class TenantEntity : BaseEntity, ITenantEntity
{
    public string TenantId { get; set; } = string.Empty;
}
