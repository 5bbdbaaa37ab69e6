namespace Mariachi;

/// <summary>An error from tenant resolution and isolation.</summary>
public class TenancyError : MariachiError
{
    public TenancyError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
