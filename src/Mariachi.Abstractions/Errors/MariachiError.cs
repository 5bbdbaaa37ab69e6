namespace Mariachi;

/// <summary>
/// The base of every error Mariachi and its users throw across a boundary. <see cref="Code"/> is a stable,
/// slash-separated identifier (<c>area/kind</c>) that maps to an HTTP status through <see cref="ErrorStatus"/>.
/// </summary>
public class MariachiError : Exception
{
    private static readonly IReadOnlyDictionary<string, object?> NoMetadata =
        new Dictionary<string, object?>(0, StringComparer.Ordinal);

    public MariachiError(
        string code,
        string message,
        IReadOnlyDictionary<string, object?>? metadata = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("An error code must not be empty.", nameof(code));
        }

        Code = code;
        Metadata = metadata ?? NoMetadata;
    }

    /// <summary>Stable machine-readable code, e.g. <c>communication/not-found</c>.</summary>
    public string Code { get; }

    /// <summary>Structured details (field errors, the procedure name, ...). Never null.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; }

    /// <summary>The HTTP status of <see cref="Code"/> in the default status table.</summary>
    public int HttpStatus => ErrorStatus.ToHttpStatus(Code);

    public override string ToString() => $"{GetType().Name} [{Code}]: {base.ToString()}";

    /// <summary>Builds a metadata dictionary from name/value pairs.</summary>
    public static IReadOnlyDictionary<string, object?> Meta(params (string Key, object? Value)[] entries)
    {
        var metadata = new Dictionary<string, object?>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            metadata[key] = value;
        }

        return metadata;
    }
}
