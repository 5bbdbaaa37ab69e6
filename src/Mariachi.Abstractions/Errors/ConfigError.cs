namespace Mariachi;

/// <summary>An error from configuration: a missing or invalid setting.</summary>
public class ConfigError : MariachiError
{
    public ConfigError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
