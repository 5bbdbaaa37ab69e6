using System.Text.Json;
using System.Text.RegularExpressions;
using Mariachi.Configuration;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats;

/// <summary>
/// Settings of the NATS adapter. The server URL is not here: it comes from the config layer
/// (<see cref="ConfigKeys.NatsUrl"/>, <c>NATS_URL</c>). The same checks run when the host starts (an options
/// validator registered by <c>AddMariachiNats</c>, reporting every bad setting) and when an adapter is constructed
/// (<see cref="Validate"/>, throwing for the first).
/// </summary>
public sealed partial class MariachiNatsOptions
{
    /// <summary>
    /// Procedure <c>orders.create</c> is served on subject <c>{prefix}.orders.create</c>. Every process that should see
    /// the same procedures uses the same prefix; a different prefix is a separate namespace (an environment, a test).
    /// </summary>
    public string ProcedureSubjectPrefix { get; set; } = "mariachi.procedures";

    /// <summary>The queue group every instance joins per procedure, so each call reaches one instance.</summary>
    public string QueueGroup { get; set; } = "mariachi";

    /// <summary>How long a caller waits for a reply before <see cref="ErrorCodes.Communication.Timeout"/>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The JetStream key/value bucket where every instance records the procedures it registers, so a caller can tell
    /// a procedure nobody serves right now (<see cref="ErrorCodes.Communication.Unavailable"/>) from a name that does
    /// not exist (<see cref="ErrorCodes.Communication.NotFound"/>, with a suggestion). Null turns the directory off:
    /// every call nobody answers is then <see cref="ErrorCodes.Communication.Unavailable"/>.
    /// </summary>
    public string? ProcedureDirectoryBucket { get; set; } = "mariachi_procedures";

    /// <summary>
    /// The service that owns the procedures this instance registers, as the procedure directory records it: instances
    /// of one service may register the same names, another service registering one of them fails with
    /// <see cref="ErrorCodes.Communication.DuplicateProcedure"/>. Null: <c>AddMariachiNats</c> takes the config layer's
    /// <see cref="ConfigKeys.ServiceName"/> (<c>SERVICE_NAME</c>); an adapter constructed directly takes the entry
    /// assembly's name.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// On dispose, how long in-flight handlers may run to completion after the subscriptions stopped, before their
    /// cancellation token is cancelled.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When the host starts (<c>AddMariachiNats</c>), how long to keep retrying the first connection while the server is
    /// not up yet, with a backoff from 250 ms to 5 s between attempts, each logged. Then the host does not start
    /// (<see cref="ErrorCodes.Communication.Unavailable"/>). Zero: one attempt; <see cref="Timeout.InfiniteTimeSpan"/>:
    /// until the host's start is cancelled.
    /// </summary>
    public TimeSpan StartupConnectTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How payloads, results and error metadata are written on the wire.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Event settings.</summary>
    public MariachiNatsEventOptions Events { get; } = new();

    /// <summary>Credentials and TLS of the connection <c>AddMariachiNats</c> builds.</summary>
    public MariachiNatsSecurityOptions Security { get; } = new();

    /// <summary>
    /// Adjusts the connection options <c>AddMariachiNats</c> builds (URL, name and logger are already set), e.g. for
    /// credentials, TLS or reconnect timing. Unused when an <c>INatsConnection</c> is registered already.
    /// </summary>
    public Func<NatsOpts, NatsOpts>? ConfigureConnection { get; set; }

    /// <summary>Throws <see cref="ConfigError"/> (<see cref="ErrorCodes.Config.Invalid"/>) naming the first bad setting.</summary>
    public void Validate()
    {
        if (Errors().FirstOrDefault() is { } error)
        {
            throw error;
        }
    }

    /// <summary>Every bad setting, one <see cref="ConfigError"/> (<see cref="ErrorCodes.Config.Invalid"/>) each.</summary>
    internal IEnumerable<ConfigError> Errors()
    {
        IEnumerable<ConfigError?> checks =
        [
            CheckSubjectPrefix(nameof(ProcedureSubjectPrefix), ProcedureSubjectPrefix),
            CheckToken(nameof(QueueGroup), QueueGroup),
            CheckPositive(nameof(RequestTimeout), RequestTimeout),
            ProcedureDirectoryBucket is not null && !BucketPattern().IsMatch(ProcedureDirectoryBucket)
                ? Invalid(nameof(ProcedureDirectoryBucket), "a bucket name of letters, digits, '-' or '_', or null", ProcedureDirectoryBucket)
                : null,
            ServiceName is not null && string.IsNullOrWhiteSpace(ServiceName) ? Invalid(nameof(ServiceName), "a service name or null", ServiceName) : null,
            ShutdownTimeout < TimeSpan.Zero ? Invalid(nameof(ShutdownTimeout), "zero or a positive duration", ShutdownTimeout.ToString()) : null,
            StartupConnectTimeout < TimeSpan.Zero && StartupConnectTimeout != Timeout.InfiniteTimeSpan
                ? Invalid(nameof(StartupConnectTimeout), "zero, a positive duration or Timeout.InfiniteTimeSpan", StartupConnectTimeout.ToString())
                : null,
            JsonSerializerOptions is null ? Invalid(nameof(JsonSerializerOptions), "serializer options", "null") : null,
            .. Events.Errors(),
            .. Security.Errors(),
            ProcedureSubjectPrefix is not null && Events.SubjectPrefix is not null && Overlap(ProcedureSubjectPrefix, Events.SubjectPrefix)
                ? Invalid("Events.SubjectPrefix", "a prefix that does not overlap ProcedureSubjectPrefix", Events.SubjectPrefix)
                : null,
        ];
        return checks.OfType<ConfigError>();
    }

    internal static ConfigError? CheckSubjectPrefix(string name, string? value) =>
        value is null || !SubjectPattern().IsMatch(value)
            ? Invalid(name, "dot-separated subject tokens of letters, digits, '-' or '_' (no wildcards)", value)
            : null;

    internal static ConfigError? CheckPositive(string name, TimeSpan value) =>
        value <= TimeSpan.Zero ? Invalid(name, "a positive duration", value.ToString()) : null;

    internal static ConfigError Invalid(string name, string expected, string? value) => new(
        ErrorCodes.Config.Invalid,
        $"NATS adapter option '{name}' is invalid: expected {expected}, got '{value ?? "null"}'.",
        MariachiError.Meta(("key", "Nats:" + name), ("expected", expected)));

    private static ConfigError? CheckToken(string name, string? value) =>
        value is null || !BucketPattern().IsMatch(value) ? Invalid(name, "one subject token of letters, digits, '-' or '_'", value) : null;

    private static bool Overlap(string procedures, string events) =>
        procedures == events
        || procedures.StartsWith(events + ".", StringComparison.Ordinal)
        || events.StartsWith(procedures + ".", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant)]
    internal static partial Regex BucketPattern();
}

/// <summary>How the NATS adapter carries events.</summary>
public sealed class MariachiNatsEventOptions
{
    /// <summary>Event <c>orders.order.placed</c> is published on subject <c>{prefix}.orders.order.placed</c>.</summary>
    public string SubjectPrefix { get; set; } = "mariachi.events";

    /// <summary>
    /// True (the default): events are published to a JetStream stream and acknowledged by the server, and durable
    /// subscriptions (<c>EventSubscriptionOptions.DurableName</c>) are JetStream consumers. False: core NATS only
    /// (at most once), and asking for a durable subscription throws.
    /// </summary>
    public bool UseJetStream { get; set; } = true;

    /// <summary>The stream that stores the events (subjects <c>{SubjectPrefix}.&gt;</c>); created when missing.</summary>
    public string StreamName { get; set; } = "MARIACHI_EVENTS";

    /// <summary>How long the stream keeps an event when the stream is created by the adapter.</summary>
    public TimeSpan StreamMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long JetStream waits for a durable handler before it redelivers (progress is reported meanwhile).</summary>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a failed delivery the event is delivered again.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times an event is delivered to a durable subscriber at most; -1 for no limit.</summary>
    public int MaxDeliver { get; set; } = 10;

    /// <summary>
    /// True: a durable consumer created for the first time starts with the events published from then on. False: it
    /// starts with every event the stream still holds.
    /// </summary>
    public bool DurableStartsWithNewEvents { get; set; } = true;

    internal IEnumerable<ConfigError?> Errors() =>
    [
        MariachiNatsOptions.CheckSubjectPrefix("Events.SubjectPrefix", SubjectPrefix),
        StreamName is null || !MariachiNatsOptions.BucketPattern().IsMatch(StreamName)
            ? MariachiNatsOptions.Invalid("Events.StreamName", "a stream name of letters, digits, '-' or '_'", StreamName)
            : null,
        MariachiNatsOptions.CheckPositive("Events.StreamMaxAge", StreamMaxAge),
        MariachiNatsOptions.CheckPositive("Events.AckWait", AckWait),
        RedeliveryDelay < TimeSpan.Zero
            ? MariachiNatsOptions.Invalid("Events.RedeliveryDelay", "zero or a positive duration", RedeliveryDelay.ToString())
            : null,
        MaxDeliver is 0 or < -1
            ? MariachiNatsOptions.Invalid("Events.MaxDeliver", "a positive count or -1", MaxDeliver.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null,
    ];
}
