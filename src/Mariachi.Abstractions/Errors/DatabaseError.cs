namespace Mariachi;

/// <summary>An error from data access: a provider failure, an untranslatable query, a constraint.</summary>
public class DatabaseError : MariachiError
{
    public DatabaseError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : base(code, message, metadata, innerException)
    {
    }
}
