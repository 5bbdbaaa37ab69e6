namespace Mariachi;

/// <summary>An error from event publication and subscription.</summary>
public class EventsError : MariachiError
{
    public EventsError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
