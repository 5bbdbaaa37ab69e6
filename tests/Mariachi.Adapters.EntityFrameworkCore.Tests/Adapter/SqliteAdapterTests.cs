using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Adapter;

public sealed class SqliteAdapterTests : EfAdapterTests
{
    protected override Type ProviderExceptionType => typeof(SqliteException);

    protected override Task<TestDatabase> CreateDatabaseAsync(bool createSchema = true) => SqliteDatabases.CreateAsync(createSchema);
}
