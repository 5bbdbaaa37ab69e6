using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mariachi.AspNetCore.Requests;

namespace Mariachi.AspNetCore.Errors;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: the status from the error-status table, the error's code, the
/// request's trace id and its metadata (validation errors as <c>errors</c>). Details of 5xx errors are redacted and
/// the error is logged, since ASP.NET Core no longer logs exceptions that a handler handled. A request without a
/// tenant that reached tenant data is told what to send; the developer's message goes to the log.
/// </summary>
internal sealed partial class MariachiExceptionHandler(
    IProblemDetailsService problemDetails,
    ErrorStatusTable statusTable,
    HttpContextFactory contexts,
    IOptions<MariachiAspNetCoreOptions> options,
    ILogger<MariachiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        var context = contexts.Get(http);
        var problem = exception switch
        {
            MariachiError { Code: ErrorCodes.Tenancy.MissingTenant } error => MissingTenant(http, error, context),
            MariachiError error => MariachiProblems.ForError(http, error, statusTable.ToHttpStatus(error.Code)),
            BadHttpRequestException badRequest => MariachiProblems.ForBadRequest(http, badRequest),
            _ => MariachiProblems.Create(http, StatusCodes.Status500InternalServerError, ErrorCodes.Internal, MariachiProblems.RedactedDetail),
        };
        var status = problem.Status!.Value;
        if (status >= 500)
        {
            LogServerError(logger, exception, (string)problem.Extensions["code"]!, status, context.TraceId, context.TenantId, http.Request.Path);
        }

        http.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// Without a tenant in the request, the client is told which header or claim carries one and the developer's
    /// message is logged. With one, code on the way dropped it: a bug, logged as an error with its stack.
    /// </summary>
    private ProblemDetails MissingTenant(HttpContext http, MariachiError error, Context context)
    {
        var problem = MariachiProblems.ForError(http, error, statusTable.ToHttpStatus(error.Code));
        if (context.TenantId is null)
        {
            LogRequestWithoutTenant(logger, error.Code, context.TraceId, http.Request.Path, error.Message);
            problem.Detail = TenantHint(options.Value);
        }
        else
        {
            LogTenantDropped(logger, error, error.Code, context.TraceId, context.TenantId, http.Request.Path);
        }

        return problem;
    }

    private static string TenantHint(MariachiAspNetCoreOptions options) => (options.TenantHeader, options.TenantClaim) switch
    {
        ({ } header, { } claim) => $"This request needs a tenant: send the '{header}' header, or a token with the '{claim}' claim.",
        ({ } header, null) => $"This request needs a tenant: send the '{header}' header.",
        (null, { } claim) => $"This request needs a tenant: send a token with the '{claim}' claim.",
        _ => "This request needs a tenant, but this API reads none from requests.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Code} ({Status}), trace {TraceId}, tenant {TenantId}, path {Path}")]
    private static partial void LogServerError(ILogger logger, Exception exception, string code, int status, string traceId, string? tenantId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request without a tenant reached tenant data ({Code}), trace {TraceId}, path {Path}: {DeveloperMessage}")]
    private static partial void LogRequestWithoutTenant(ILogger logger, string code, string traceId, string path, string developerMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "The request's tenant {TenantId} was not passed on to tenant data ({Code}), trace {TraceId}, path {Path}")]
    private static partial void LogTenantDropped(ILogger logger, Exception exception, string code, string traceId, string tenantId, string path);
}
