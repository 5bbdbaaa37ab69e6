using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Data;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Conformance;

/// <summary>
/// The EF Core repository on a real PostgreSQL server (a fresh schema per repository, in a database of this class)
/// against the shared suite. Skipped locally without <c>MARIACHI_TEST_POSTGRES</c>; fails without it in CI.
/// </summary>
[RequiresPostgres]
public sealed class PostgresRepositoryConformanceTests(PostgresFixture postgres) : RepositoryConformanceTests, IClassFixture<PostgresFixture>
{
    protected override async Task<IRepository<ConformanceItem>> CreateTenantRepositoryAsync(TimeProvider clock) =>
        new OwnedRepository<ConformanceItem>(await postgres.CreateDatabaseAsync(), clock);

    protected override async Task<IRepository<ConformanceGlobalItem>> CreateGlobalRepositoryAsync(TimeProvider clock) =>
        new OwnedRepository<ConformanceGlobalItem>(await postgres.CreateDatabaseAsync(), clock);
}
