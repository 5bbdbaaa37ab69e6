using System.Text.Json;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>What the procedure directory keeps per name: the owning service and the wire names of the types.</summary>
internal sealed record DirectoryEntry(string Owner, string Input, string Output)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
    {
        ["owner"] = Owner,
        ["input"] = Input,
        ["output"] = Output,
    });

    /// <summary>The entry in <paramref name="value"/>; null for an entry without an owner (an older adapter) or unreadable.</summary>
    public static DirectoryEntry? Read(byte[]? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(value);
            return fields is not null
                && fields.TryGetValue("owner", out var owner)
                && fields.TryGetValue("input", out var input)
                && fields.TryGetValue("output", out var output)
                ? new DirectoryEntry(owner, input, output)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
