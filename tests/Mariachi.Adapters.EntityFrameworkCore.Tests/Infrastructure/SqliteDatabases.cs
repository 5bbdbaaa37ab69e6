using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Fresh SQLite databases in temporary files, one per call, in WAL mode like a production file. A file (rather than
/// an in-memory database on one kept-open connection) lets concurrent callers use connections of their own, so the
/// concurrency tests exercise SQLite's real locking.
/// </summary>
public static class SqliteDatabases
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "mariachi-ef-tests");

    public static async Task<TestDatabase> CreateAsync(bool createSchema = true)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        var connectionString = MariachiDatabaseUrl.SqliteConnectionString(path);
        var options = new DbContextOptionsBuilder<TestDbContext>().UseSqlite(connectionString).Options;
        var database = new TestDatabase(MariachiDatabaseProvider.Sqlite, options, () => DropAsync(connectionString, path));
        if (createSchema)
        {
            await using var db = database.CreateDbContext();
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return database;
    }

    private static ValueTask DropAsync(string connectionString, string path)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temporary file is harmless.
            }
        }

        return ValueTask.CompletedTask;
    }
}
