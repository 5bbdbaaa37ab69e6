using Mariachi.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>The database providers a <see cref="ConfigKeys.DatabaseUrl"/> can name.</summary>
public enum MariachiDatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>A provider and the connection string converted from a <see cref="ConfigKeys.DatabaseUrl"/>.</summary>
public sealed record MariachiDatabaseConnection(MariachiDatabaseProvider Provider, string ConnectionString);

/// <summary>
/// Converts <see cref="ConfigKeys.DatabaseUrl"/> values to provider connection strings:
/// <c>sqlite:path/to/file.db</c> (or <c>sqlite:///absolute/path.db</c>, <c>file:...</c>) to a SQLite file, and
/// <c>postgres://user:password@host:5432/db?sslmode=require</c> (or <c>postgresql://</c>) to an Npgsql connection
/// string. Query parameters of a PostgreSQL URL are Npgsql keywords, with underscores for spaces
/// (<c>search_path</c>, <c>application_name</c>, <c>sslmode</c>). Failures are <see cref="ConfigError"/>s that never echo
/// the URL, which holds a password.
/// </summary>
public static class MariachiDatabaseUrl
{
    /// <summary>The SQLite file used when no DATABASE_URL is set.</summary>
    public const string DefaultSqliteFile = "mariachi.db";

    public static MariachiDatabaseConnection Parse(Uri databaseUrl)
    {
        ArgumentNullException.ThrowIfNull(databaseUrl);
        return databaseUrl.Scheme.ToLowerInvariant() switch
        {
            "sqlite" or "file" => new(MariachiDatabaseProvider.Sqlite, SqliteConnectionString(SqlitePath(databaseUrl))),
            "postgres" or "postgresql" => new(MariachiDatabaseProvider.PostgreSql, PostgresConnectionString(databaseUrl)),
            _ => throw Invalid(),
        };
    }

    /// <summary>A SQLite connection string for the file at <paramref name="path"/> (created when missing).</summary>
    public static string SqliteConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    /// <summary>
    /// Uses the provider and connection of <paramref name="databaseUrl"/>, or the SQLite file
    /// <paramref name="defaultSqliteFile"/> when it is null.
    /// </summary>
    public static DbContextOptionsBuilder UseMariachiDatabaseUrl(
        this DbContextOptionsBuilder builder,
        Uri? databaseUrl,
        string defaultSqliteFile = DefaultSqliteFile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = databaseUrl is null
            ? new MariachiDatabaseConnection(MariachiDatabaseProvider.Sqlite, SqliteConnectionString(defaultSqliteFile))
            : Parse(databaseUrl);
        return connection.Provider == MariachiDatabaseProvider.Sqlite
            ? builder.UseSqlite(connection.ConnectionString)
            : builder.UseNpgsql(connection.ConnectionString);
    }

    private static string SqlitePath(Uri url)
    {
        // sqlite:relative/path.db, sqlite:/absolute/path.db, sqlite:///absolute/path.db
        var raw = url.OriginalString[(url.Scheme.Length + 1)..];
        if (raw.StartsWith("//", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }

        var query = raw.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(query < 0 ? raw : raw[..query]);
        return string.IsNullOrWhiteSpace(path) ? throw Invalid() : path;
    }

    private static string PostgresConnectionString(Uri url)
    {
        if (string.IsNullOrEmpty(url.DnsSafeHost))
        {
            throw Invalid();
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.DnsSafeHost,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
        };

        if (url.UserInfo.Length > 0)
        {
            var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? url.UserInfo : url.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(separator + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).Replace('_', ' ');
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                if (string.Equals(key, "sslmode", StringComparison.OrdinalIgnoreCase))
                {
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                }
                else
                {
                    builder[key] = value;
                }
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw ConfigReader.Invalid(
                    ConfigKeys.DatabaseUrl,
                    $"a PostgreSQL URL whose query parameters are Npgsql connection-string keywords ('{key}' is not, or its value is invalid)",
                    shownValue: null);
            }
        }

        return builder.ConnectionString;
    }

    private static ConfigError Invalid() =>
        ConfigReader.Invalid(
            ConfigKeys.DatabaseUrl,
            "sqlite:path/to/file.db or postgres://user:password@host:5432/database",
            shownValue: null);
}
