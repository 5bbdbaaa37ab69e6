using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Health;

/// <summary>
/// Healthy when the adapter's NATS connection answers a ping and, when events use JetStream, the server's JetStream
/// answers for the account. While the client is reconnecting the check fails at once instead of waiting for the
/// reconnect, so a probe never hangs on a server that is down.
/// </summary>
public sealed class MariachiNatsHealthCheck(INatsConnection connection, MariachiNatsOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Dictionary<string, object> { ["state"] = connection.ConnectionState.ToString() };
        if (connection.ConnectionState == NatsConnectionState.Reconnecting)
        {
            return Failed(context, "The NATS connection is down; the client is reconnecting.", null, data);
        }

        // Which step failed decides the message: without JetStream the server answers its API with "no responders".
        var step = "The NATS server does not answer";
        try
        {
            var roundTrip = await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            data["state"] = connection.ConnectionState.ToString();
            data["round_trip_ms"] = roundTrip.TotalMilliseconds;
            if (options.Events.UseJetStream)
            {
                step = "JetStream does not answer for this account";
                var account = await connection.CreateJetStreamContext().GetAccountInfoAsync(cancellationToken).ConfigureAwait(false);
                data["jetstream_streams"] = account.Streams;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = exception is NatsJSApiException api ? api.Error.Description : exception.Message;
            return Failed(context, $"{step}: {reason}", exception, data);
        }

        return HealthCheckResult.Healthy(
            options.Events.UseJetStream ? "The NATS server and its JetStream answer." : "The NATS server answers.",
            data);
    }

    private static HealthCheckResult Failed(HealthCheckContext context, string description, Exception? exception, Dictionary<string, object> data) =>
        new(context.Registration.FailureStatus, description, exception, data);
}
