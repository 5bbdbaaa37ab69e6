using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mariachi.AspNetCore.Requests;

/// <summary>Fixes the request's trace id, opens a logging scope with it, and returns it in a response header.</summary>
internal sealed class MariachiContextMiddleware(RequestDelegate next, HttpContextFactory contexts, IOptions<MariachiAspNetCoreOptions> options, ILoggerFactory loggers)
{
    // A message-template scope: structured (a TraceId property) and readable in the simple console ("TraceId:...").
    private static readonly Func<ILogger, string, IDisposable?> TraceScope = LoggerMessage.DefineScope<string>("TraceId:{TraceId}");

    private readonly ILogger _logger = loggers.CreateLogger("Mariachi.Request");

    public async Task InvokeAsync(HttpContext http)
    {
        var traceId = contexts.TraceId(http);
        if (options.Value.TraceIdResponseHeader is { } header)
        {
            // Set when the response starts: the exception handler clears headers set earlier.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[header] = traceId;
                return Task.CompletedTask;
            });
        }

        using (TraceScope(_logger, traceId))
        {
            await next(http);
        }
    }
}
