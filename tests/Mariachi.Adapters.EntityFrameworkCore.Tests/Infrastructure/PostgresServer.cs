using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the tests: an Npgsql connection string in <c>MARIACHI_TEST_POSTGRES</c>. Without it the
/// PostgreSQL tests are skipped locally (<see cref="SkipReason"/>) but run, and fail, when <c>CI=true</c>.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionStringVariable = "MARIACHI_TEST_POSTGRES";

    /// <summary>The configured server, or null.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run (a server is configured, or this is CI).</summary>
    public static string? SkipReason =>
        ConnectionString is null && !IsCi
            ? $"PostgreSQL tests skipped: no server configured. Set {ConnectionStringVariable} to an Npgsql connection string, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres' (.ci/run starts a server with .ci/postgres.sh and sets it). With CI=true a missing server fails instead."
            : null;

    /// <summary>The connection string, or a clear failure (only reached when the tests are not skipped: in CI).</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{ConnectionStringVariable} is not set, and CI=true: the PostgreSQL tests must run against a real server, never skip. .ci/run starts one with .ci/postgres.sh (postgres_start) and exports {ConnectionStringVariable}.");
}

/// <summary>
/// A fresh database per test class, dropped at the end; each <see cref="CreateDatabaseAsync"/> adds a fresh schema in it
/// (reached through the connection's search path), so every repository of the conformance suite starts empty.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _adminConnectionString;
    private string? _databaseConnectionString;
    private string? _databaseName;
    private int _schemas;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        _adminConnectionString = PostgresServer.RequireConnectionString();
        _databaseName = $"mariachi_test_{Guid.NewGuid():N}";
        await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE \"{_databaseName}\"");
        _databaseConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _databaseName }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null || _databaseConnectionString is null)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(_databaseConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
    }

    /// <summary>A new empty schema with the tables of <see cref="TestDbContext"/>.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(bool createSchema = true)
    {
        var connectionString = _databaseConnectionString ?? PostgresServer.RequireConnectionString();
        var schema = $"s{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(connectionString, $"CREATE SCHEMA \"{schema}\"");
        var schemaConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        var options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(schemaConnectionString).Options;
        var database = new TestDatabase(MariachiDatabaseProvider.PostgreSql, options, () => DropSchemaAsync(connectionString, schemaConnectionString, schema));
        if (createSchema)
        {
            // EnsureCreated skips a database that has tables in any schema: create this schema's tables directly.
            await using var db = database.CreateDbContext();
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }

        return database;
    }

    private static async ValueTask DropSchemaAsync(string connectionString, string schemaConnectionString, string schema)
    {
        using (var connection = new NpgsqlConnection(schemaConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
