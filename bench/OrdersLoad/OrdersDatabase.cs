using Npgsql;

namespace Mariachi.Bench.OrdersLoad;

/// <summary>A fresh PostgreSQL database per run, counted afterwards and dropped.</summary>
internal sealed class OrdersDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private OrdersDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The sample's DATABASE_URL for this database.</summary>
    public string Url
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_admin);
            var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
            return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}{password}@{builder.Host}:{builder.Port}/{Name}";
        }
    }

    public static async Task<OrdersDatabase> CreateAsync(string adminConnectionString)
    {
        var database = new OrdersDatabase(adminConnectionString, $"orders_load_{Guid.NewGuid():N}"[..24]);
        await database.ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>The ids of the orders stored, live or cancelled, every tenant.</summary>
    public async Task<List<Guid>> OrderIdsAsync()
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"Orders\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
