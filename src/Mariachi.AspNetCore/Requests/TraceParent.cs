namespace Mariachi.AspNetCore.Requests;

/// <summary>Reads the trace id of a W3C <c>traceparent</c> header: <c>00-&lt;32 hex&gt;-&lt;16 hex&gt;-&lt;2 hex&gt;</c>.</summary>
internal static class TraceParent
{
    public static string? TraceId(string? header)
    {
        if (header is null || header.Length < 55 || header[2] != '-' || header[35] != '-' || header[52] != '-')
        {
            return null;
        }

        var traceId = header.Substring(3, 32);
        return IsLowerHex(traceId) && traceId.Any(c => c != '0') && IsLowerHex(header.Substring(0, 2)) && header[..2] != "ff"
            ? traceId
            : null;
    }

    private static bool IsLowerHex(string value) => value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
