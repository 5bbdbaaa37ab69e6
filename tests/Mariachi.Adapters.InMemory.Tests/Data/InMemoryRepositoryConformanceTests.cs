using Mariachi.Adapters.InMemory.Data;
using Mariachi.Data;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.InMemory.Tests.Data;

/// <summary>The in-memory repository against the shared repository conformance suite.</summary>
public sealed class InMemoryRepositoryConformanceTests : RepositoryConformanceTests
{
    protected override Task<IRepository<ConformanceItem>> CreateTenantRepositoryAsync(TimeProvider clock) =>
        Task.FromResult<IRepository<ConformanceItem>>(new InMemoryRepository<ConformanceItem>(clock));

    protected override Task<IRepository<ConformanceGlobalItem>> CreateGlobalRepositoryAsync(TimeProvider clock) =>
        Task.FromResult<IRepository<ConformanceGlobalItem>>(new InMemoryRepository<ConformanceGlobalItem>(clock));
}
