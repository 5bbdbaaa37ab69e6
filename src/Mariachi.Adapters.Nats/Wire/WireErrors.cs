using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Mariachi.Adapters.Nats.Wire;

/// <summary>
/// Carries a <see cref="MariachiError"/> across the wire: its class, <see cref="MariachiError.Code"/>, message and
/// metadata. The caller rebuilds the same class when it is loaded there and has the standard
/// <c>(code, message, metadata, innerException)</c> constructor, else a plain <see cref="MariachiError"/> with the
/// same code. Metadata comes back as plain values: strings, numbers (long, decimal or double), booleans, arrays
/// (<c>string[]</c> when every item is a string) and dictionaries (<c>Dictionary&lt;string, string[]&gt;</c> when
/// every value is a string array, as validation field errors are).
/// </summary>
internal static class WireErrors
{
    private static readonly ConcurrentDictionary<Type, Func<string, string, IReadOnlyDictionary<string, object?>, MariachiError>?> Factories = new();

    public static byte[] Encode(MariachiError error, JsonSerializerOptions json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", WireTypes.NameOf(error.GetType()));
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteStartObject("metadata");
            foreach (var (key, value) in error.Metadata)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, value, json);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Rebuilds the error in <paramref name="payload"/>; null when it is not an encoded error.</summary>
    public static MariachiError? Decode(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("code", out var codeElement) || codeElement.GetString() is not { Length: > 0 } code)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var messageElement) ? messageElement.GetString() ?? string.Empty : string.Empty;
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (root.TryGetProperty("metadata", out var metadataElement) && metadataElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in metadataElement.EnumerateObject())
                {
                    metadata[property.Name] = ToValue(property.Value);
                }
            }

            var type = root.TryGetProperty("type", out var typeElement) ? WireTypes.Resolve(typeElement.GetString()) : null;
            return Create(type, code, message, metadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Converts JSON to the plain values described on the class.</summary>
    public static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return element.TryGetDecimal(out var number) ? number : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(ToValue).ToArray();
                return items.All(i => i is string) ? items.Cast<string>().ToArray() : items;
            case JsonValueKind.Object:
                var entries = element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal);
                return entries.Count > 0 && entries.Values.All(v => v is string[])
                    ? entries.ToDictionary(e => e.Key, e => (string[])e.Value!, StringComparer.Ordinal)
                    : entries;
            default:
                return null;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions json)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(value, value.GetType(), json);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Metadata is diagnostic: a value the serializer cannot write travels as its text.
            writer.WriteStringValue(value.ToString());
            return;
        }

        element.WriteTo(writer);
    }

    private static MariachiError Create(Type? type, string code, string message, IReadOnlyDictionary<string, object?> metadata)
    {
        if (type is not null && typeof(MariachiError).IsAssignableFrom(type) && Factories.GetOrAdd(type, FactoryFor) is { } factory)
        {
            try
            {
                return factory(code, message, metadata);
            }
            catch (TargetInvocationException)
            {
                // A constructor that rejects the values: fall back to the base class, which keeps the code.
            }
        }

        return new MariachiError(code, message, metadata);
    }

    private static Func<string, string, IReadOnlyDictionary<string, object?>, MariachiError>? FactoryFor(Type type)
    {
        if (type.IsAbstract)
        {
            return null;
        }

        var full = type.GetConstructor([typeof(string), typeof(string), typeof(IReadOnlyDictionary<string, object?>), typeof(Exception)]);
        if (full is not null)
        {
            return (code, message, metadata) => (MariachiError)full.Invoke([code, message, metadata, null]);
        }

        var short3 = type.GetConstructor([typeof(string), typeof(string), typeof(IReadOnlyDictionary<string, object?>)]);
        return short3 is null ? null : (code, message, metadata) => (MariachiError)short3.Invoke([code, message, metadata]);
    }
}
