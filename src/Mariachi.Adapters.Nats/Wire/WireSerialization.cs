namespace Mariachi.Adapters.Nats.Wire;

/// <summary>Builds the <see cref="ErrorCodes.Communication.Serialization"/> errors, which name the type.</summary>
internal static class WireSerialization
{
    public static CommunicationError WriteFailed(string what, Type type, string? procedure, Exception exception) => new(
        ErrorCodes.Communication.Serialization,
        $"Could not serialize {what} ({WireTypes.NameOf(type)}): {exception.Message}",
        MariachiError.Meta(("procedure", procedure), ("type", WireTypes.NameOf(type)), ("direction", "serialize")),
        exception);

    public static CommunicationError ReadFailed(string what, Type type, string? procedure, Exception exception) => new(
        ErrorCodes.Communication.Serialization,
        $"Could not deserialize {what} as {WireTypes.NameOf(type)}: {exception.Message}",
        MariachiError.Meta(("procedure", procedure), ("type", WireTypes.NameOf(type)), ("direction", "deserialize")),
        exception);
}
