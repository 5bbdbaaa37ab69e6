namespace Mariachi;

/// <summary>Maps error codes to HTTP status codes through <see cref="ErrorStatusTable.Default"/>.</summary>
public static class ErrorStatus
{
    /// <summary>Exact match, then the longest <c>/</c>-prefix, else 500.</summary>
    public static int ToHttpStatus(string? code) => ErrorStatusTable.Default.ToHttpStatus(code);

    /// <summary>The status of <paramref name="error"/>'s code: 500 for any exception that is not a <see cref="MariachiError"/>.</summary>
    public static int ToHttpStatus(Exception error, ErrorStatusTable? table = null) =>
        error is MariachiError mariachi ? (table ?? ErrorStatusTable.Default).ToHttpStatus(mariachi.Code) : ErrorStatusTable.FallbackStatus;
}
