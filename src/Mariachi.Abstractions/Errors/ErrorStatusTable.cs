using System.Collections.Frozen;

namespace Mariachi;

/// <summary>
/// Maps error codes to HTTP status codes: an exact entry wins, then the entry for the longest <c>/</c>-prefix of
/// the code, else 500. Immutable; <see cref="With(string, int)"/> returns an extended copy, which applications
/// register in DI to add their own codes.
/// </summary>
public sealed class ErrorStatusTable
{
    /// <summary>The status of a code with no entry at all.</summary>
    public const int FallbackStatus = 500;

    private readonly FrozenDictionary<string, int> _entries;

    private ErrorStatusTable(IEnumerable<KeyValuePair<string, int>> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The framework's table. An entry for <c>area</c> covers every <c>area/...</c> code.</summary>
    public static ErrorStatusTable Default { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ErrorCodes.NotFound] = 404,
        [ErrorCodes.Internal] = 500,
        ["config"] = 500,
        ["database"] = 500,
        [ErrorCodes.Database.Unavailable] = 503,
        ["cache"] = 500,
        ["auth"] = 401,
        [ErrorCodes.Auth.Forbidden] = 403,
        ["communication"] = 500,
        [ErrorCodes.Communication.NotFound] = 404,
        [ErrorCodes.Communication.Unauthorized] = 401,
        [ErrorCodes.Communication.Timeout] = 504,
        [ErrorCodes.Communication.Unavailable] = 503,
        ["events"] = 500,
        [ErrorCodes.Events.Unavailable] = 503,
        ["jobs"] = 500,
        [ErrorCodes.Jobs.NotFound] = 404,
        ["rate-limit"] = 429,
        ["tenancy"] = 400,
        [ErrorCodes.Tenancy.AccessDenied] = 403,
        ["validation"] = 400,
        ["http"] = 400,
        [ErrorCodes.Http.MethodNotAllowed] = 405,
        [ErrorCodes.Http.NotAcceptable] = 406,
        [ErrorCodes.Http.PayloadTooLarge] = 413,
        [ErrorCodes.Http.UnsupportedMediaType] = 415,
        ["conflict"] = 409,
        ["result"] = 500,
    });

    /// <summary>The entries of this table, code or prefix to status.</summary>
    public IReadOnlyDictionary<string, int> Entries => _entries;

    /// <summary>Returns a copy with <paramref name="codeOrPrefix"/> mapped to <paramref name="status"/>.</summary>
    public ErrorStatusTable With(string codeOrPrefix, int status)
    {
        var key = codeOrPrefix?.TrimEnd('/', '*');
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A code or prefix must not be empty.", nameof(codeOrPrefix));
        }

        if (status is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An HTTP status is between 100 and 599.");
        }

        var entries = new Dictionary<string, int>(_entries, StringComparer.Ordinal) { [key] = status };
        return new ErrorStatusTable(entries);
    }

    /// <summary>Returns a copy with every entry of <paramref name="entries"/> added or replaced.</summary>
    public ErrorStatusTable With(IEnumerable<KeyValuePair<string, int>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = this;
        foreach (var (code, status) in entries)
        {
            table = table.With(code, status);
        }

        return table;
    }

    /// <summary>The status of <paramref name="code"/>: exact, then longest prefix, else 500.</summary>
    public int ToHttpStatus(string? code) => TryResolve(code, out var status) ? status : FallbackStatus;

    /// <summary>True when an exact or prefix entry covers <paramref name="code"/>.</summary>
    public bool TryResolve(string? code, out int status)
    {
        var candidate = code;
        while (!string.IsNullOrEmpty(candidate))
        {
            if (_entries.TryGetValue(candidate, out status))
            {
                return true;
            }

            var slash = candidate.LastIndexOf('/');
            candidate = slash > 0 ? candidate[..slash] : null;
        }

        status = FallbackStatus;
        return false;
    }
}
