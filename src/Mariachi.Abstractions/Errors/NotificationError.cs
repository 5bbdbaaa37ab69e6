namespace Mariachi;

/// <summary>An error from notifications (email, SMS, push, in-app).</summary>
public class NotificationError : MariachiError
{
    public NotificationError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
