namespace Mariachi;

/// <summary>An error from optimistic concurrency and uniqueness conflicts.</summary>
public class ConflictError : MariachiError
{
    public ConflictError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
