namespace Mariachi;

/// <summary>An error from billing and payments.</summary>
public class BillingError : MariachiError
{
    public BillingError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
