using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mariachi.Adapters.EntityFrameworkCore.Health;

/// <summary>
/// Healthy when the repositories' database answers a query: opens a connection through the same
/// <see cref="IMariachiDbContextFactory"/> the repositories use (so it checks their provider and connection string)
/// and runs <c>SELECT 1</c> on it, since a pooled connection opens without reaching the server.
/// </summary>
/// <remarks>
/// It opens a connection rather than calling EF's <c>CanConnectAsync</c>, which hides why it failed: the reason
/// (server down, wrong password, unknown database) is what an operator reads first. The connection string is never
/// part of the result, since it may carry a password.
/// </remarks>
public sealed class MariachiDatabaseHealthCheck(IMariachiDbContextFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? provider = null;
        try
        {
            await using var db = factory.CreateDbContext();
            provider = db.Database.ProviderName;
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A round trip: opening may hand out a pooled connection to a server that has gone since.
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy($"The database accepts connections ({provider}).", Data(provider));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Cannot connect to the database ({provider ?? "provider unknown"}): {exception.Message}",
                exception,
                Data(provider));
        }
    }

    private static Dictionary<string, object> Data(string? provider) => new() { ["provider"] = provider ?? "unknown" };
}
