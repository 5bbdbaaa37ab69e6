namespace Mariachi;

/// <summary>An error from rate limiting.</summary>
public class RateLimitError : MariachiError
{
    public RateLimitError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
