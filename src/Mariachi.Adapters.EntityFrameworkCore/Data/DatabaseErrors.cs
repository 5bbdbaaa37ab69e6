using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Data;

/// <summary>
/// Turns what EF Core and the providers throw into Mariachi errors, so no DbUpdateException or provider exception
/// leaves a repository: unique violations become <see cref="ErrorCodes.Conflict.Unique"/>, queries EF cannot
/// translate <see cref="ErrorCodes.Database.UntranslatableQuery"/>, lost connections
/// <see cref="ErrorCodes.Database.Unavailable"/> and the rest <see cref="ErrorCodes.Database.Failure"/>, with the
/// provider's exception kept as the inner exception.
/// </summary>
internal static class DatabaseErrors
{
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;

    /// <summary>The Mariachi error for <paramref name="exception"/>, or null when it must propagate unchanged.</summary>
    public static MariachiError? Translate(Exception exception, string entity, string operation)
    {
        if (exception is MariachiError or OperationCanceledException)
        {
            return null;
        }

        var provider = FindProviderException(exception);
        if (provider is not null && IsUniqueViolation(provider))
        {
            var constraint = (provider as PostgresException)?.ConstraintName;
            return new ConflictError(
                ErrorCodes.Conflict.Unique,
                constraint is null
                    ? $"Could not {operation} '{entity}': a row with the same id or unique key already exists."
                    : $"Could not {operation} '{entity}': a row with the same id or unique key already exists (constraint '{constraint}').",
                Metadata(entity, operation, provider),
                provider);
        }

        if (IsUntranslatable(exception))
        {
            return new DatabaseError(
                ErrorCodes.Database.UntranslatableQuery,
                $"The query on '{entity}' cannot be translated to SQL, and Mariachi never evaluates filters in memory. Use only members that map to columns and operators the database supports (see the inner exception).",
                Metadata(entity, operation, provider),
                exception);
        }

        var cause = provider ?? (exception is DbUpdateException ? exception.InnerException ?? exception : exception);
        return IsUnavailable(exception, provider)
            ? new DatabaseError(
                ErrorCodes.Database.Unavailable,
                $"The database is unavailable: could not {operation} '{entity}'. See the inner exception for the provider's error.",
                Metadata(entity, operation, provider),
                cause)
            : new DatabaseError(
                ErrorCodes.Database.Failure,
                $"The database failed to {operation} '{entity}'. See the inner exception for the provider's error.",
                Metadata(entity, operation, provider),
                cause);
    }

    /// <summary>True for a unique or primary-key violation of PostgreSQL or SQLite.</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresUniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    private static DbException? FindProviderException(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException provider)
            {
                return provider;
            }
        }

        return null;
    }

    private static bool IsUntranslatable(Exception exception) =>
        exception is InvalidOperationException && exception.Message.Contains("could not be translated", StringComparison.Ordinal);

    private static bool IsUnavailable(Exception exception, DbException? provider)
    {
        if (provider is PostgresException postgres)
        {
            // Class 08: connection exceptions; 53: insufficient resources; 57P0x: the server is shutting down.
            return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal);
        }

        if (provider is SqliteException sqlite)
        {
            return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen;
        }

        // An NpgsqlException that is not a PostgresException never reached the server.
        if (provider is NpgsqlException || provider?.IsTransient == true)
        {
            return true;
        }

        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyDictionary<string, object?> Metadata(string entity, string operation, DbException? provider) =>
        provider switch
        {
            PostgresException postgres => MariachiError.Meta(
                ("entity", entity),
                ("operation", operation),
                ("sqlState", postgres.SqlState),
                ("constraint", postgres.ConstraintName)),
            SqliteException sqlite => MariachiError.Meta(
                ("entity", entity),
                ("operation", operation),
                ("sqliteErrorCode", sqlite.SqliteErrorCode),
                ("sqliteExtendedErrorCode", sqlite.SqliteExtendedErrorCode)),
            _ => MariachiError.Meta(("entity", entity), ("operation", operation)),
        };
}
