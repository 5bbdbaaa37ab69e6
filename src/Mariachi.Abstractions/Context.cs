using System.Diagnostics;
using System.Runtime.CompilerServices;
using Mariachi.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mariachi;

/// <summary>
/// The request-scoped context every Mariachi operation takes as its first argument: trace id, identity, tenant
/// and a logger that carries them. Immutable: the <c>With*</c> methods return a changed copy.
/// </summary>
public sealed class Context
{
    private static readonly IReadOnlyList<string> NoScopes = Array.Empty<string>();

    /// <summary>Everything but the procedure, shared by a context and the copies <see cref="WithProcedure"/> makes.</summary>
    private readonly Identity _identity;
    private ILogger? _logger;

    /// <summary>
    /// The copy the last <see cref="WithProcedure"/> made, handed out again for the same name: a context that calls
    /// one procedure repeatedly (a loop, a batch) copies itself once. A cache, like <see cref="_logger"/>: it never
    /// changes what the context says. Racing calls may each make a copy; either is equivalent.
    /// </summary>
    private Context? _lastProcedureCopy;

    private Context(Identity identity, string? procedure)
    {
        _identity = identity;
        Procedure = procedure;
    }

    /// <summary>W3C trace id (32 lowercase hex characters).</summary>
    public string TraceId => _identity.TraceId;

    public string? UserId => _identity.UserId;

    public string? TenantId => _identity.TenantId;

    /// <summary>Permission scopes granted to the caller.</summary>
    public IReadOnlyList<string> Scopes => _identity.Scopes;

    /// <summary>One of <see cref="IdentityTypes"/>: who is acting.</summary>
    public string IdentityType => _identity.IdentityType;

    public string? ApiKeyId => _identity.ApiKeyId;

    public string? SessionId => _identity.SessionId;

    /// <summary>Name of the server (facade) the request entered through, if any.</summary>
    public string? Server => _identity.Server;

    /// <summary>The procedure being executed; set by the communication layer before a handler runs.</summary>
    public string? Procedure { get; }

    /// <summary>How this context came to be: a request entry point, explicit system work or a detached flow.</summary>
    public ContextOrigin Origin => _identity.Origin;

    /// <summary>Why a <see cref="System"/> or <see cref="Detached"/> context was created.</summary>
    public string? Reason => _identity.Reason;

    /// <summary>True for <see cref="System"/> contexts: trusted work that may cross tenants when it has no tenant.</summary>
    public bool IsSystem => Origin == ContextOrigin.System;

    /// <summary>A logger whose every entry carries this context's trace id, tenant, user and procedure.</summary>
    public ILogger Logger => _logger ??= new ContextLogger(_identity.InnerLogger, this);

    /// <summary>Creates the context of a new flow at an entry point (HTTP request, message, job).</summary>
    public static Context Create(string? tenantId = null, string? userId = null, ILogger? logger = null) =>
        new(
            new Identity(
                CurrentOrNewTraceId(),
                NullIfEmpty(userId),
                NullIfEmpty(tenantId),
                NoScopes,
                userId is { Length: > 0 } ? IdentityTypes.User : IdentityTypes.Anonymous,
                apiKeyId: null,
                sessionId: null,
                server: null,
                ContextOrigin.Request,
                reason: null,
                logger ?? NullLogger.Instance),
            procedure: null);

    /// <summary>
    /// Creates a context for explicit system work. Without a tenant it may cross tenants; with one it acts inside it.
    /// </summary>
    public static Context System(string reason, string? tenantId = null) =>
        new(
            new Identity(
                CurrentOrNewTraceId(),
                userId: null,
                NullIfEmpty(tenantId),
                NoScopes,
                IdentityTypes.System,
                apiKeyId: null,
                sessionId: null,
                server: null,
                ContextOrigin.System,
                RequireReason(reason),
                NullLogger.Instance),
            procedure: null);

    /// <summary>Starts an explicitly unrelated flow with a fresh trace id, no identity and no tenant.</summary>
    public static Context Detached(string reason) =>
        new(
            new Identity(
                ActivityTraceId.CreateRandom().ToHexString(),
                userId: null,
                tenantId: null,
                NoScopes,
                IdentityTypes.Anonymous,
                apiKeyId: null,
                sessionId: null,
                server: null,
                ContextOrigin.Detached,
                RequireReason(reason),
                NullLogger.Instance),
            procedure: null);

    /// <summary>True when <paramref name="scope"/> was granted (ordinal comparison).</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public Context WithTenant(string? tenantId) => Copy(tenantId: new(NullIfEmpty(tenantId)));

    public Context WithUser(string? userId, string? identityType = null) =>
        Copy(
            userId: new(NullIfEmpty(userId)),
            identityType: identityType ?? (userId is { Length: > 0 } ? IdentityTypes.User : IdentityTypes.Anonymous));

    public Context WithScopes(IEnumerable<string> scopes) =>
        Copy(scopes: scopes?.ToArray() ?? throw new ArgumentNullException(nameof(scopes)));

    public Context WithApiKey(string? apiKeyId) =>
        Copy(apiKeyId: new(NullIfEmpty(apiKeyId)), identityType: apiKeyId is { Length: > 0 } ? IdentityTypes.ApiKey : IdentityType);

    public Context WithSession(string? sessionId) => Copy(sessionId: new(NullIfEmpty(sessionId)));

    public Context WithServer(string? server) => Copy(server: new(NullIfEmpty(server)));

    /// <summary>Sets the running procedure; the communication layer calls this before the handler runs.</summary>
    /// <remarks>
    /// Runs on every procedure call, so the copy shares this context's identity (one small object), and the last copy
    /// is reused when the same name comes again.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Context WithProcedure(string? procedure)
    {
        // The same name object as last time (a procedure handle's Name, a literal): one comparison, inlined.
        var last = _lastProcedureCopy;
        return last is not null && ReferenceEquals(last.Procedure, procedure) ? last : CopyWithProcedure(procedure);
    }

    /// <summary>Replaces the trace id, e.g. with one that arrived from another process; it must be a W3C trace id.</summary>
    public Context WithTraceId(string traceId)
    {
        if (!IsW3CTraceId(traceId))
        {
            throw new ArgumentException("A trace id is 32 lowercase hex characters, not all zero (W3C trace context).", nameof(traceId));
        }

        return Copy(traceId: traceId);
    }

    /// <summary>Uses <paramref name="logger"/> underneath the context's scoped logger.</summary>
    public Context WithLogger(ILogger logger) => Copy(logger: logger ?? throw new ArgumentNullException(nameof(logger)));

    public override string ToString() =>
        $"Context(trace={TraceId}, tenant={TenantId ?? "-"}, user={UserId ?? "-"}, identity={IdentityType}, procedure={Procedure ?? "-"}, origin={Origin})";

    internal ILogger InnerLogger => _identity.InnerLogger;

    private Context CopyWithProcedure(string? procedure)
    {
        if (string.Equals(procedure, Procedure, StringComparison.Ordinal))
        {
            return this;
        }

        var last = _lastProcedureCopy;
        return last is not null && string.Equals(procedure, last.Procedure, StringComparison.Ordinal)
            ? last
            : _lastProcedureCopy = new Context(_identity, procedure);
    }

    private Context Copy(
        string? traceId = null,
        Optional<string?> userId = default,
        Optional<string?> tenantId = default,
        IReadOnlyList<string>? scopes = null,
        string? identityType = null,
        Optional<string?> apiKeyId = default,
        Optional<string?> sessionId = default,
        Optional<string?> server = default,
        ILogger? logger = null) =>
        new(
            new Identity(
                traceId ?? TraceId,
                userId.HasValue ? userId.Value : UserId,
                tenantId.HasValue ? tenantId.Value : TenantId,
                scopes ?? Scopes,
                identityType ?? IdentityType,
                apiKeyId.HasValue ? apiKeyId.Value : ApiKeyId,
                sessionId.HasValue ? sessionId.Value : SessionId,
                server.HasValue ? server.Value : Server,
                Origin,
                Reason,
                logger ?? _identity.InnerLogger),
            Procedure);

    private static string CurrentOrNewTraceId()
    {
        var activity = Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C }
            ? activity.TraceId.ToHexString()
            : ActivityTraceId.CreateRandom().ToHexString();
    }

    private static bool IsW3CTraceId(string? value) =>
        value is { Length: 32 }
        && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))
        && value.Any(c => c != '0');

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ArgumentException("Say why this context is created: the reason is logged and audited.", nameof(reason))
            : reason;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The immutable part of a context other than its procedure.</summary>
    private sealed class Identity(
        string traceId,
        string? userId,
        string? tenantId,
        IReadOnlyList<string> scopes,
        string identityType,
        string? apiKeyId,
        string? sessionId,
        string? server,
        ContextOrigin origin,
        string? reason,
        ILogger innerLogger)
    {
        public string TraceId { get; } = traceId;

        public string? UserId { get; } = userId;

        public string? TenantId { get; } = tenantId;

        public IReadOnlyList<string> Scopes { get; } = scopes;

        public string IdentityType { get; } = identityType;

        public string? ApiKeyId { get; } = apiKeyId;

        public string? SessionId { get; } = sessionId;

        public string? Server { get; } = server;

        public ContextOrigin Origin { get; } = origin;

        public string? Reason { get; } = reason;

        public ILogger InnerLogger { get; } = innerLogger;
    }

    /// <summary>Distinguishes "not given" from "set to null" in <see cref="Copy"/>.</summary>
    private readonly struct Optional<T>
    {
        public Optional(T value)
        {
            Value = value;
            HasValue = true;
        }

        public T Value { get; }

        public bool HasValue { get; }
    }
}
