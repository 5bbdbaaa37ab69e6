using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Mariachi.AspNetCore.Requests;

namespace Mariachi.AspNetCore.Errors;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: the status from the error-status table, the error's code, the
/// request's trace id and its metadata (validation errors as <c>errors</c>). Details of 5xx errors are redacted and
/// the error is logged, since ASP.NET Core no longer logs exceptions that a handler handled.
/// </summary>
internal sealed partial class MariachiExceptionHandler(
    IProblemDetailsService problemDetails,
    ErrorStatusTable statusTable,
    HttpContextFactory contexts,
    ILogger<MariachiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        var error = exception as MariachiError;
        var code = error?.Code ?? ErrorCodes.Internal;
        var status = error is null ? StatusCodes.Status500InternalServerError : statusTable.ToHttpStatus(code);
        var context = contexts.Get(http);
        if (status >= 500)
        {
            LogServerError(logger, exception, code, status, context.TraceId, context.TenantId, http.Request.Path);
        }

        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrase(status),
            Detail = status >= 500 ? "An unexpected error occurred. Quote the trace id when reporting it." : exception.Message,
            Instance = http.Request.Path,
            Type = $"https://httpstatuses.io/{status}",
        };
        problem.Extensions["code"] = code;
        if (error is not null && status < 500)
        {
            foreach (var (key, value) in error.Metadata)
            {
                problem.Extensions[key] = value;
            }
        }

        http.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Code} ({Status}), trace {TraceId}, tenant {TenantId}, path {Path}")]
    private static partial void LogServerError(ILogger logger, Exception exception, string code, int status, string traceId, string? tenantId, string path);
}
