using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mariachi.AspNetCore.Requests;

/// <summary>
/// Builds the request's <see cref="Context"/> once, at the edge: trace id of the request's Activity (or <c>traceparent</c>),
/// tenant from a claim or header, user, scopes and session from claims, and a logger.
/// </summary>
internal sealed class HttpContextFactory(IOptions<MariachiAspNetCoreOptions> options, ILoggerFactory loggers)
{
    private static readonly object Key = new();
    private static readonly object TraceKey = new();
    private readonly MariachiAspNetCoreOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger("Mariachi.Request");

    /// <summary>The request's Context, created on first use and kept for the rest of the request.</summary>
    public Context Get(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var existing) && existing is Context context)
        {
            return context;
        }

        context = Create(http);
        http.Items[Key] = context;
        return context;
    }

    private Context Create(HttpContext http)
    {
        var user = http.User;
        var tenant = (_options.TenantClaim is { } tenantClaim ? user.FindFirst(tenantClaim)?.Value : null)
            ?? (_options.TenantHeader is { } header ? NullIfEmpty(http.Request.Headers[header].ToString()) : null);
        var userId = _options.UserClaims.Select(c => user.FindFirst(c)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var context = Context.Create(tenant, userId, _logger);

        context = context.WithTraceId(TraceId(http));

        var scopes = _options.ScopeClaims
            .SelectMany(c => user.FindAll(c))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (scopes.Length > 0)
        {
            context = context.WithScopes(scopes);
        }

        if (_options.SessionClaim is { } sessionClaim && user.FindFirst(sessionClaim)?.Value is { Length: > 0 } session)
        {
            context = context.WithSession(session);
        }

        return _options.ServerName is { } server ? context.WithServer(server) : context;
    }

    /// <summary>
    /// The request's trace id: the request's Activity's (ASP.NET Core continues the <c>traceparent</c> in it), else
    /// <c>traceparent</c>, else a new one. The Activity first, so Mariachi's spans are children of the request's span.
    /// </summary>
    public string TraceId(HttpContext http)
    {
        if (http.Items.TryGetValue(TraceKey, out var existing) && existing is string traceId)
        {
            return traceId;
        }

        traceId = (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null)
            ?? TraceParent.TraceId(http.Request.Headers["traceparent"].ToString())
            ?? ActivityTraceId.CreateRandom().ToHexString();
        http.Items[TraceKey] = traceId;
        return traceId;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
