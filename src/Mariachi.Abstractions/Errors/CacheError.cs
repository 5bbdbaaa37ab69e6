namespace Mariachi;

/// <summary>An error from caching and distributed locks.</summary>
public class CacheError : MariachiError
{
    public CacheError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
