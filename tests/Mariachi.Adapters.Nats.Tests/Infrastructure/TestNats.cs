using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>Connections and adapter options for the tests; every call of <see cref="Options"/> is a new namespace.</summary>
internal static class TestNats
{
    public static NatsOpts ConnectionOptions(string url) => NatsOpts.Default with
    {
        Url = url,
        Name = "mariachi-tests",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
        ReconnectWaitMax = TimeSpan.FromMilliseconds(500),
        ReconnectJitter = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>A connected connection to the shared test server (or <paramref name="url"/>).</summary>
    public static async Task<NatsConnection> ConnectAsync(string? url = null)
    {
        var connection = new NatsConnection(ConnectionOptions(url ?? NatsTestEnvironment.RequireUrl()));
        try
        {
            await connection.ConnectAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static string UniqueId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Options in a namespace of their own (subjects, stream), so tests running in parallel on one server never see
    /// each other. Two instances built from the same <paramref name="id"/> share it, as two processes of one app do.
    /// </summary>
    public static MariachiNatsOptions Options(string? id = null)
    {
        id ??= UniqueId();
        var options = new MariachiNatsOptions
        {
            ProcedureSubjectPrefix = $"test.{id}.procedures",
            RequestTimeout = TimeSpan.FromSeconds(10),
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        };
        options.Events.SubjectPrefix = $"test.{id}.events";
        options.Events.StreamName = $"TEST_{id}";
        options.Events.StreamMaxAge = TimeSpan.FromMinutes(10);
        options.Events.RedeliveryDelay = TimeSpan.FromMilliseconds(200);
        options.Events.AckWait = TimeSpan.FromSeconds(5);
        return options;
    }
}
