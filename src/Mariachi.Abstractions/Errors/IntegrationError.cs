namespace Mariachi;

/// <summary>An error from third-party integrations.</summary>
public class IntegrationError : MariachiError
{
    public IntegrationError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
