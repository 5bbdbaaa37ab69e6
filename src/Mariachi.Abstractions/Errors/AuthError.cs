namespace Mariachi;

/// <summary>An error from authentication and authorization.</summary>
public class AuthError : MariachiError
{
    public AuthError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
