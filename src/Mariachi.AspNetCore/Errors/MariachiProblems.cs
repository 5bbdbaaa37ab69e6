using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Mariachi.AspNetCore.Errors;

/// <summary>
/// The facade's one problem shape: <c>type</c> https://httpstatuses.io/{status}, <c>title</c> the reason phrase,
/// <c>detail</c>, <c>instance</c> the path, and the extensions <c>code</c> and <c>traceId</c> (plus a client error's
/// metadata, field errors as <c>errors</c>). Errors are built in it; the framework's own problems (model validation,
/// status code pages, <c>NotFound()</c>...) are brought into it by <see cref="Complete"/>.
/// </summary>
internal static class MariachiProblems
{
    /// <summary>What a client sees of a server error: nothing of its cause.</summary>
    public const string RedactedDetail = "An unexpected error occurred. Quote the trace id when reporting it.";

    // ASP.NET Core's defaults, replaced so framework problems look like ours.
    private const string FrameworkTypePrefix = "https://tools.ietf.org/html/rfc9110#";
    private static readonly string? FrameworkValidationTitle = new HttpValidationProblemDetails().Title;

    /// <summary>The problem of <paramref name="error"/> at <paramref name="status"/>; a 5xx keeps its code but not its message or metadata.</summary>
    public static ProblemDetails ForError(HttpContext http, MariachiError error, int status)
    {
        var problem = Create(http, status, error.Code, status >= 500 ? RedactedDetail : error.Message);
        if (status < 500)
        {
            foreach (var (key, value) in error.Metadata)
            {
                problem.Extensions[key] = value;
            }
        }

        return problem;
    }

    public static ProblemDetails Create(HttpContext http, int status, string code, string? detail) => new()
    {
        Status = status,
        Title = ReasonPhrase(status),
        Detail = detail,
        Instance = http.Request.Path,
        Type = TypeOf(status),
        Extensions = { ["code"] = code },
    };

    /// <summary>
    /// A request the server refused while reading it (Kestrel's limits, or minimal-API binding with
    /// <c>ThrowOnBadRequest</c>): its status, a code for it, and its message, which is written for clients.
    /// </summary>
    public static ProblemDetails ForBadRequest(HttpContext http, BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        var code = exception.InnerException is JsonException json
            ? json.InnerException is JsonException ? ErrorCodes.Validation.MalformedBody : ErrorCodes.Validation.InvalidInput
            : FrameworkCode(status) ?? ErrorCodes.Internal;
        return Create(http, status, code, status >= 500 ? RedactedDetail : exception.Message);
    }

    /// <summary>
    /// Runs on every problem written through <see cref="IProblemDetailsService"/>: replaces the framework's default
    /// type and title, and fills in the path, a detail for routing failures, a code for the status and the trace id.
    /// </summary>
    public static void Complete(ProblemDetailsContext context, string traceId)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        if (problem.Type is null || problem.Type.StartsWith(FrameworkTypePrefix, StringComparison.Ordinal))
        {
            problem.Type = TypeOf(status);
            if (problem.Title is null || problem.Title == FrameworkValidationTitle)
            {
                problem.Title = ReasonPhrase(status);
            }
        }

        problem.Instance ??= http.Request.Path;
        problem.Detail ??= DefaultDetail(http, status);
        if (!problem.Extensions.ContainsKey("code") && FrameworkCode(status) is { } code)
        {
            problem.Extensions["code"] = code;
        }

        problem.Extensions["traceId"] = traceId;
    }

    /// <summary>The code of a status the framework set itself (model binding, routing, authorization...).</summary>
    public static string? FrameworkCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.Validation.InvalidInput,
        StatusCodes.Status401Unauthorized => ErrorCodes.Auth.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Auth.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.Http.MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => ErrorCodes.Http.NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.Http.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.Http.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimit.Exceeded,
        >= 400 and < 500 => ErrorCodes.Http.ClientError,
        StatusCodes.Status500InternalServerError => ErrorCodes.Internal,
        _ => null,
    };

    private static string? DefaultDetail(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing here answers {http.Request.Method} {http.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => http.Response.Headers.Allow is { Count: > 0 } allowed
            ? $"{http.Request.Method} is not allowed on {http.Request.Path}; allowed: {allowed}."
            : $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        StatusCodes.Status415UnsupportedMediaType => $"The content type '{http.Request.ContentType}' is not accepted here.",
        _ => null,
    };

    private static string TypeOf(int status) => $"https://httpstatuses.io/{status}";

    private static string ReasonPhrase(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
