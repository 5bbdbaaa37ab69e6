namespace Mariachi;

/// <summary>An error from file and object storage.</summary>
public class StorageError : MariachiError
{
    public StorageError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
