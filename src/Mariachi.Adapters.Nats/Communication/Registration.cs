using System.Text.Json;
using Mariachi.Adapters.Nats.Wire;
using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Validation;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>A registered handler: reads its input from the wire, and runs boxed at the end of the middleware pipeline.</summary>
internal abstract class Registration(ProcedureInfo info) : IProcedureHandler
{
    public ProcedureInfo Info { get; } = info;

    /// <summary>Validates the boxed input, converts it and runs the handler; the end of every middleware pipeline.</summary>
    public abstract Task<object?> InvokeBoxedAsync(ProcedureCall call);

    /// <summary>
    /// Reads the request payload sent as <paramref name="typeName"/>: the declared input type, a loaded type
    /// assignable to it, or null where the input type allows it. Throws type-mismatch or serialization errors.
    /// </summary>
    public abstract object? ReadInput(string? typeName, byte[]? payload, JsonSerializerOptions json);

    /// <summary>Throws type-mismatch when the caller asked for an output type this handler cannot produce.</summary>
    public void CheckRequestedOutput(string? requested)
    {
        if (requested is null || requested == WireTypes.NameOf(Info.OutputType))
        {
            return;
        }

        var type = WireTypes.Resolve(requested);
        if (type is null || (!type.IsAssignableFrom(Info.OutputType) && !Info.OutputType.IsAssignableFrom(type)))
        {
            throw TypeMismatch.Output(Info, requested, WireTypes.NameOf(Info.OutputType));
        }
    }
}

internal sealed class Registration<TIn, TOut>(
    string name,
    Func<Context, TIn, CancellationToken, Task<TOut>> handler,
    InputValidator validator)
    : Registration(new ProcedureInfo(name, typeof(TIn), typeof(TOut)))
{
    private static readonly string InputName = WireTypes.NameOf(typeof(TIn));

    public override async Task<object?> InvokeBoxedAsync(ProcedureCall call)
    {
        TIn typed;
        switch (call.Input)
        {
            case TIn value:
                typed = value;
                break;
            case null when default(TIn) is null:
                typed = default!;
                break;
            default:
                throw TypeMismatch.Input(Info, WireTypes.NameOfValue(call.Input));
        }

        validator.Validate(typed, Info.Name);
        var task = handler(call.Context.WithProcedure(Info.Name), typed, call.CancellationToken)
            ?? throw new InvalidOperationException($"The handler of '{Info.Name}' returned a null Task.");
        return await task.ConfigureAwait(false);
    }

    public override object? ReadInput(string? typeName, byte[]? payload, JsonSerializerOptions json)
    {
        if (typeName is null or WireTypes.Null)
        {
            return default(TIn) is null ? null : throw TypeMismatch.Input(Info, WireTypes.Null);
        }

        Type target;
        if (typeName == InputName)
        {
            target = typeof(TIn);
        }
        else if (WireTypes.Resolve(typeName) is { } sent && typeof(TIn).IsAssignableFrom(sent))
        {
            target = sent;
        }
        else
        {
            throw TypeMismatch.Input(Info, typeName);
        }

        try
        {
            return JsonSerializer.Deserialize(payload ?? [], target, json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            throw WireSerialization.ReadFailed($"the input of '{Info.Name}'", target, Info.Name, exception);
        }
    }
}
