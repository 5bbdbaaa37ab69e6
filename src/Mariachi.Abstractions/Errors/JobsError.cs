namespace Mariachi;

/// <summary>An error from background jobs and schedules.</summary>
public class JobsError : MariachiError
{
    public JobsError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
