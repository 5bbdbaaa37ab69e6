using System.Text.Json;
using Mariachi.Adapters.Nats.Wire;
using Mariachi.Communication;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>What the serving side checks and reads of a request, from the registered procedure's types.</summary>
internal static class WireInput
{
    /// <summary>Throws type-mismatch when the caller asked for an output type the procedure cannot produce.</summary>
    public static void CheckRequestedOutput(ProcedureInfo info, string? requested)
    {
        if (requested is null || requested == WireTypes.NameOf(info.OutputType))
        {
            return;
        }

        var type = WireTypes.Resolve(requested);
        if (type is null || (!type.IsAssignableFrom(info.OutputType) && !info.OutputType.IsAssignableFrom(type)))
        {
            throw TypeMismatch.Output(info, requested, WireTypes.NameOf(info.OutputType));
        }
    }

    /// <summary>
    /// Reads the request payload sent as <paramref name="typeName"/>: the declared input type, a loaded type
    /// assignable to it, or null where the input type allows it. Throws type-mismatch or serialization errors.
    /// </summary>
    public static object? Read(ProcedureInfo info, string? typeName, byte[]? payload, JsonSerializerOptions json)
    {
        var input = info.InputType;
        if (typeName is null or WireTypes.Null)
        {
            return !input.IsValueType || Nullable.GetUnderlyingType(input) is not null
                ? null
                : throw TypeMismatch.Input(info, WireTypes.Null);
        }

        Type target;
        if (typeName == WireTypes.NameOf(input))
        {
            target = input;
        }
        else if (WireTypes.Resolve(typeName) is { } sent && input.IsAssignableFrom(sent))
        {
            target = sent;
        }
        else
        {
            throw TypeMismatch.Input(info, typeName);
        }

        try
        {
            return JsonSerializer.Deserialize(payload ?? [], target, json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            throw WireSerialization.ReadFailed($"the input of '{info.Name}'", target, info.Name, exception);
        }
    }
}
