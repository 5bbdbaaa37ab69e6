using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Data;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Conformance;

/// <summary>The EF Core repository on SQLite (a fresh database file per repository) against the shared suite.</summary>
public sealed class SqliteRepositoryConformanceTests : RepositoryConformanceTests
{
    protected override async Task<IRepository<ConformanceItem>> CreateTenantRepositoryAsync(TimeProvider clock) =>
        new OwnedRepository<ConformanceItem>(await SqliteDatabases.CreateAsync(), clock);

    protected override async Task<IRepository<ConformanceGlobalItem>> CreateGlobalRepositoryAsync(TimeProvider clock) =>
        new OwnedRepository<ConformanceGlobalItem>(await SqliteDatabases.CreateAsync(), clock);
}
