namespace Mariachi;

/// <summary>An error from input validation.</summary>
public class ValidationError : MariachiError
{
    public ValidationError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
