namespace Mariachi;

/// <summary>An error from procedure registration and calls.</summary>
public class CommunicationError : MariachiError
{
    public CommunicationError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
