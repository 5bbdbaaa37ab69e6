using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Wire;

/// <summary>
/// The headers of the wire protocol, and the <see cref="Context"/> carried in them: the trace id in a W3C
/// <c>traceparent</c>, the rest in <c>Mariachi-*</c> headers. Free-text values are percent-encoded, so any tenant,
/// user or reason survives a header line.
/// </summary>
internal static class WireHeaders
{
    public const string TraceParent = "traceparent";
    public const string Tenant = "Mariachi-Tenant";
    public const string User = "Mariachi-User";
    public const string Identity = "Mariachi-Identity";
    public const string Scopes = "Mariachi-Scopes";
    public const string ApiKey = "Mariachi-Api-Key";
    public const string Session = "Mariachi-Session";
    public const string Server = "Mariachi-Server";
    public const string Procedure = "Mariachi-Procedure";
    public const string Origin = "Mariachi-Origin";
    public const string Reason = "Mariachi-Reason";

    /// <summary>The wire name of the payload's type (input, result or event); <see cref="WireTypes.Null"/> for null.</summary>
    public const string Type = "Mariachi-Type";

    /// <summary>On a request: the output type the caller asked for.</summary>
    public const string ReplyType = "Mariachi-Reply-Type";

    /// <summary>On a request: how many milliseconds the caller waits, so the handler's token can end with it.</summary>
    public const string TimeoutMs = "Mariachi-Timeout-Ms";

    /// <summary>On a reply: <see cref="StatusOk"/> with a result, <see cref="StatusError"/> with an encoded error.</summary>
    public const string Status = "Mariachi-Status";

    public const string StatusOk = "ok";
    public const string StatusError = "error";

    /// <summary>Writes <paramref name="context"/> into <paramref name="headers"/>.</summary>
    public static void WriteContext(NatsHeaders headers, Context context, string? procedure)
    {
        // The current span (the caller's, when observed) is the remote parent of the receiver's span; without one in
        // the context's trace, a made-up parent id, sampled (as a span of a context made outside any Activity is).
        var activity = Activity.Current;
        headers[TraceParent] = activity is { IdFormat: ActivityIdFormat.W3C } && activity.TraceId.ToHexString() == context.TraceId
            ? $"00-{context.TraceId}-{activity.SpanId.ToHexString()}-{(activity.Recorded ? "01" : "00")}"
            : $"00-{context.TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        headers[Identity] = context.IdentityType;
        headers[Origin] = context.Origin switch
        {
            ContextOrigin.System => "system",
            ContextOrigin.Detached => "detached",
            _ => "request",
        };
        Put(headers, Tenant, context.TenantId);
        Put(headers, User, context.UserId);
        Put(headers, ApiKey, context.ApiKeyId);
        Put(headers, Session, context.SessionId);
        Put(headers, Server, context.Server);
        Put(headers, Procedure, procedure);
        Put(headers, Reason, context.Reason);
        if (context.Scopes.Count > 0)
        {
            headers[Scopes] = new StringValues(context.Scopes.Select(Uri.EscapeDataString).ToArray());
        }
    }

    /// <summary>
    /// Rebuilds the sender's context: same trace id, tenant, user, identity type, scopes, API key, session, server
    /// and origin. Missing or malformed headers fall back to what a new context would have.
    /// </summary>
    public static Context ReadContext(NatsHeaders? headers, ILogger? logger)
    {
        var tenant = Get(headers, Tenant);
        var user = Get(headers, User);
        var reason = Get(headers, Reason);
        var context = Raw(headers, Origin) switch
        {
            "system" => Context.System(string.IsNullOrWhiteSpace(reason) ? "system work from another process" : reason, tenant),
            "detached" => Context.Detached(string.IsNullOrWhiteSpace(reason) ? "detached flow from another process" : reason).WithTenant(tenant),
            _ => Context.Create(tenant, user, logger),
        };

        if (logger is not null && context.Origin != ContextOrigin.Request)
        {
            context = context.WithLogger(logger);
        }

        if (headers is not null && headers.TryGetValue(Scopes, out var scopes) && scopes.Count > 0)
        {
            context = context.WithScopes(scopes.Where(s => s is not null).Select(s => Uri.UnescapeDataString(s!)));
        }

        if (Get(headers, ApiKey) is { } apiKey)
        {
            context = context.WithApiKey(apiKey);
        }

        context = context.WithSession(Get(headers, Session)).WithServer(Get(headers, Server));
        if (Raw(headers, Identity) is { Length: > 0 } identity)
        {
            context = context.WithUser(user, identity);
        }

        if (TraceIdOf(Raw(headers, TraceParent)) is { } traceId)
        {
            context = context.WithTraceId(traceId);
        }

        return context;
    }

    /// <summary>The trace id of a <c>traceparent</c> value (<c>00-{trace}-{span}-{flags}</c>), or null.</summary>
    public static string? TraceIdOf(string? traceParent)
    {
        if (traceParent is not { Length: >= 55 } || traceParent[2] != '-' || traceParent[35] != '-')
        {
            return null;
        }

        var traceId = traceParent.Substring(3, 32);
        return traceId.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) && traceId.Any(c => c != '0') ? traceId : null;
    }

    public static string? Raw(NatsHeaders? headers, string name) =>
        headers is not null && headers.TryGetLastValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static int? Int(NatsHeaders? headers, string name) =>
        int.TryParse(Raw(headers, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Get(NatsHeaders? headers, string name) =>
        Raw(headers, name) is { } value ? Uri.UnescapeDataString(value) : null;

    private static void Put(NatsHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = Uri.EscapeDataString(value);
        }
    }
}
