namespace Mariachi;

/// <summary>An error from full-text search.</summary>
public class SearchError : MariachiError
{
    public SearchError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
