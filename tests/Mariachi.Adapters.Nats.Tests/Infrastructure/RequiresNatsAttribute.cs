namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>
/// Marks tests (a class, or one method) that need a NATS server. <see cref="NatsTestFramework"/> reports them as
/// skipped, with the reason, when the server is not configured locally; on CI they run (and fail without a server).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class RequiresNatsAttribute : Attribute
{
    /// <summary>The test also runs nats-server itself (to restart it), so it needs the binary.</summary>
    public bool ServerBinary { get; init; }
}
