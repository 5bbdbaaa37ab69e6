namespace Mariachi;

/// <summary>An error from a resource that does not exist or is not visible to the caller.</summary>
public class NotFoundError : MariachiError
{
    public NotFoundError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
