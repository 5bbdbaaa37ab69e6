using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Validation;

namespace Mariachi.Adapters.InMemory.Communication;

/// <summary>A registered handler, invocable typed (the fast path) or boxed (through middleware).</summary>
internal abstract class Registration(ProcedureInfo info) : IProcedureHandler
{
    public ProcedureInfo Info { get; } = info;

    /// <summary>Validates the boxed input, converts it and runs the handler; the end of every middleware pipeline.</summary>
    public abstract Task<object?> InvokeBoxedAsync(ProcedureCall call);
}

/// <summary>
/// The typed invocation of a handler whose output is <typeparamref name="TOut"/>, with the input still boxed. A base
/// class rather than an interface: a call by name reaches it with a class cast and a virtual call.
/// </summary>
internal abstract class Registration<TOut>(ProcedureInfo info) : Registration(info)
{
    public abstract Task<TOut> InvokeAsync(Context context, object? input, CancellationToken cancellationToken);
}

internal sealed class Registration<TIn, TOut>(
    string name,
    Func<Context, TIn, CancellationToken, Task<TOut>> handler,
    InputValidator validator)
    : Registration<TOut>(new ProcedureInfo(name, typeof(TIn), typeof(TOut)))
{
    private readonly InputValidator _validator = validator;

    /// <summary>
    /// False when every input is exactly a <typeparamref name="TIn"/> (a sealed class or a value type) and that type
    /// carries no validation rule: the call then skips validation outright, without the per-call lookup by type (or
    /// the boxing of a struct input). Worked out once, when the procedure is registered.
    /// </summary>
    private readonly bool _validates = !typeof(TIn).IsSealed || validator.HasRules(typeof(TIn));

    /// <summary>Validates and runs the handler; failures come back as a faulted task, never thrown synchronously.</summary>
    public Task<TOut> InvokeAsync(Context context, TIn input, CancellationToken cancellationToken)
    {
        try
        {
            if (_validates)
            {
                _validator.Validate(input, Info.Name);
            }

            return handler(context, input, cancellationToken) ?? throw new InvalidOperationException(
                $"The handler of '{Info.Name}' returned a null Task.");
        }
        catch (Exception exception)
        {
            return Task.FromException<TOut>(exception);
        }
    }

    public override Task<TOut> InvokeAsync(Context context, object? input, CancellationToken cancellationToken) =>
        TryConvertInput(input, out var typed)
            ? InvokeAsync(context, typed, cancellationToken)
            : Task.FromException<TOut>(InputMismatch(input));

    public override async Task<object?> InvokeBoxedAsync(ProcedureCall call)
    {
        if (!TryConvertInput(call.Input, out var typed))
        {
            throw InputMismatch(call.Input);
        }

        return await InvokeAsync(call.Context.WithProcedure(Info.Name), typed, call.CancellationToken).ConfigureAwait(false);
    }

    private CommunicationError InputMismatch(object? input) =>
        CommunicationErrors.InputTypeMismatch(Info.Name, CommunicationErrors.Describe(Info.InputType), CommunicationErrors.Describe(input?.GetType()));

    private static bool TryConvertInput(object? input, out TIn typed)
    {
        switch (input)
        {
            case TIn value:
                typed = value;
                return true;
            case null when default(TIn) is null:
                typed = default!;
                return true;
            default:
                typed = default!;
                return false;
        }
    }
}
