namespace Mariachi.Data;

/// <summary>An entity owned by one tenant. Repositories isolate it: other tenants never see or change it.</summary>
public interface ITenantEntity : IEntity
{
    string TenantId { get; set; }
}
