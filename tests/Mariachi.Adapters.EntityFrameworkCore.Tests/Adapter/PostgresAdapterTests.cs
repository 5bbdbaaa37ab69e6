using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Adapter;

[RequiresPostgres]
public sealed class PostgresAdapterTests(PostgresFixture postgres) : EfAdapterTests, IClassFixture<PostgresFixture>
{
    protected override Type ProviderExceptionType => typeof(PostgresException);

    protected override Task<TestDatabase> CreateDatabaseAsync(bool createSchema = true) => postgres.CreateDatabaseAsync(createSchema);
}
