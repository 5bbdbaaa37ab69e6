using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Hosting;

/// <summary>
/// Opens the NATS connection when the host starts, before anything subscribes, retrying with backoff while the server
/// is not up yet (containers started together rarely come up in order) for up to
/// <see cref="MariachiNatsOptions.StartupConnectTimeout"/>. Each failed attempt is logged; giving up stops the host
/// with <see cref="ErrorCodes.Communication.Unavailable"/> naming the servers and the last reason.
/// </summary>
internal sealed partial class NatsStartupConnection(
    INatsConnection connection,
    IOptions<MariachiNatsOptions> options,
    ILogger<NatsStartupConnection>? logger = null,
    TimeProvider? timeProvider = null) : IHostedService
{
    private readonly ILogger _logger = logger ?? NullLogger<NatsStartupConnection>.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private string Url => NatsConnectFailure.Redact(connection.Opts.Url);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.StartupConnectTimeout;
        var started = _time.GetTimestamp();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
                if (attempt > 1)
                {
                    LogConnected(_logger, Url, attempt, _time.GetElapsedTime(started));
                }

                return;
            }
            catch (NatsException exception)
            {
                var elapsed = _time.GetElapsedTime(started);
                if (NatsConnectFailure.IsRefusal(exception))
                {
                    // Wrong credentials or an untrusted certificate do not get better by waiting.
                    throw Unavailable($"Could not connect to NATS at {Url}: {NatsConnectFailure.Describe(exception)}", attempt, exception);
                }

                if (timeout != Timeout.InfiniteTimeSpan && elapsed + delay > timeout)
                {
                    throw Unavailable(
                        $"Could not connect to NATS at {Url} within {timeout} ({attempt} attempts; " +
                        $"Nats:StartupConnectTimeout): {exception.Message}",
                        attempt,
                        exception);
                }

                LogRetrying(_logger, Url, attempt, delay, exception.Message);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private CommunicationError Unavailable(string message, int attempts, Exception inner) => new(
        ErrorCodes.Communication.Unavailable,
        message,
        MariachiError.Meta(("url", Url), ("attempts", attempts)),
        inner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS at {Url} is not reachable yet (attempt {Attempt}); retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string url, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to NATS at {Url} after {Attempts} attempts in {Elapsed}")]
    private static partial void LogConnected(ILogger logger, string url, int attempts, TimeSpan elapsed);
}
