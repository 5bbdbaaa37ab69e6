using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mariachi.AspNetCore.Errors;

/// <summary>
/// The response of an <c>[ApiController]</c> action whose model binding or validation failed, in the shape of a
/// <see cref="ValidationError"/>: <see cref="ErrorCodes.Validation.MalformedBody"/> when the body could not be read
/// at all (empty, not JSON, or JSON of the wrong kind), else <see cref="ErrorCodes.Validation.InvalidInput"/> with the
/// field errors. Errors that only follow from an unreadable body ("the input field is required") are dropped.
/// </summary>
/// <remarks>
/// It reads the JSON formatter's exceptions, which MVC keeps only when <c>JsonOptions.AllowInputFormatterExceptionMessages</c>
/// is off (the facade turns it off); with it on, JSON errors are reported as field errors with the parser's message.
/// </remarks>
internal static class InvalidModelStateProblems
{
    private const string WrongValue = "The value does not have this field's type, or is out of its range.";

    public static IActionResult Create(ActionContext context) =>
        new ProblemResult(MariachiProblems.ForError(context.HttpContext, ToError(context), StatusCodes.Status400BadRequest));

    /// <summary>The validation error the model state of <paramref name="context"/> amounts to.</summary>
    public static ValidationError ToError(ActionContext context)
    {
        var missingBody = context.HttpContext.RequestServices.GetRequiredService<IOptions<MvcOptions>>().Value
            .ModelBindingMessageProvider.MissingRequestBodyRequiredValueAccessor();
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? unreadableBody = null;
        var bodyFailed = false;
        foreach (var (key, entry) in context.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                switch (error.Exception)
                {
                    case JsonException json when json.InnerException is JsonException:
                        // A syntax error: the reader's exception is inside, its message says where.
                        unreadableBody ??= $"The request body is not valid JSON: {json.Message}";
                        break;
                    case JsonException json when json.Path is null or "$":
                        // Its message names the .NET type, which is none of the client's business.
                        unreadableBody ??= "The request body is JSON of the wrong kind for this endpoint (an array where an object is expected, for example).";
                        break;
                    case JsonException:
                        bodyFailed = true;
                        Add(fields, FieldName(key), WrongValue);
                        break;
                    case null when key.Length == 0 && error.ErrorMessage == missingBody:
                        unreadableBody ??= $"The request body is empty: {missingBody}";
                        break;
                    default:
                        bodyFailed |= key.StartsWith('$');
                        Add(fields, FieldName(key), error.ErrorMessage is { Length: > 0 } message ? message : WrongValue);
                        break;
                }
            }
        }

        if (unreadableBody is not null)
        {
            return new ValidationError(ErrorCodes.Validation.MalformedBody, unreadableBody);
        }

        if (bodyFailed)
        {
            // The body parameter was left null, so validation also reported it as missing.
            foreach (var parameter in context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Body))
            {
                fields.Remove(parameter.BindingInfo!.BinderModelName ?? parameter.Name);
            }
        }

        var errors = fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
        var summary = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return new ValidationError(ErrorCodes.Validation.InvalidInput, $"The input is invalid: {summary}", MariachiError.Meta(("errors", errors)));
    }

    /// <summary>A JSON path from the body formatter (<c>$.lines[0].sku</c>) as the field it names (<c>lines[0].sku</c>).</summary>
    private static string FieldName(string key) => key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;

    private static void Add(Dictionary<string, List<string>> fields, string field, string message)
    {
        if (!fields.TryGetValue(field, out var messages))
        {
            fields[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Writes the problem as the exception handler does: through the problem details service.</summary>
    private sealed class ProblemResult(ProblemDetails problem) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => TypedResults.Problem(problem).ExecuteAsync(context.HttpContext);
    }
}
