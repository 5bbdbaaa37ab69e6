using System.Runtime.CompilerServices;
using Mariachi.Validation;

namespace Mariachi.Communication.Dispatch;

/// <summary>
/// A registered handler as adapters hold it: its procedure, and a boxed invocation that ends every middleware
/// pipeline. <see cref="ProcedureHandler{TOut}"/> and <see cref="ProcedureHandler{TIn, TOut}"/> add the typed fast
/// paths: classes rather than interfaces, so a call reaches them with a class cast and a virtual call.
/// </summary>
public abstract class ProcedureHandler : IProcedureHandler
{
    private protected ProcedureHandler(ProcedureInfo info) => Info = info;

    public ProcedureInfo Info { get; }

    /// <inheritdoc/>
    public abstract ValueTask<object?> InvokeBoxedAsync(ProcedureCall call);

    /// <summary>This handler's binding for a registry snapshot, typed as its handles are; <paramref name="pipeline"/> is its middleware, if any.</summary>
    internal abstract ProcedureBinding Bind(BindingScope scope, ProcedureDelegate? pipeline);
}

/// <summary>The typed invocation of a handler whose output is <typeparamref name="TOut"/>, with the input still boxed (a call by name).</summary>
public abstract class ProcedureHandler<TOut> : ProcedureHandler
{
    private protected ProcedureHandler(ProcedureInfo info)
        : base(info)
    {
    }

    /// <summary>Checks and converts the boxed input, then runs as <see cref="ProcedureHandler{TIn, TOut}.InvokeAsync(Context, TIn, CancellationToken)"/>.</summary>
    public abstract ValueTask<TOut> InvokeAsync(Context context, object? input, CancellationToken cancellationToken);
}

/// <summary>
/// A handler from <see cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
/// with its input validation. A handler that completes synchronously costs no task. An invalid input comes back as a
/// faulted <see cref="ValueTask{TResult}"/>; what the handler itself throws before returning is not caught and
/// surfaces at the call, as it would from a direct call of the method (an <c>async</c> handler never throws so). A
/// try/catch around the handler cost about a third of the dispatch of a synchronous handler.
/// </summary>
public sealed class ProcedureHandler<TIn, TOut> : ProcedureHandler<TOut>
{
    private readonly Func<Context, TIn, CancellationToken, ValueTask<TOut>> _handler;
    private readonly InputValidator _validator;

    /// <summary>
    /// False when every input is exactly a <typeparamref name="TIn"/> (a sealed class or a value type) and that type
    /// carries no validation rule: the call then skips validation outright, without the per-call lookup by type (or
    /// the boxing of a struct input). Worked out once, when the procedure is registered.
    /// </summary>
    private readonly bool _validates;

    /// <summary>Throws <see cref="ErrorCodes.Communication.InvalidName"/> for a malformed name.</summary>
    public ProcedureHandler(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler, InputValidator validator)
        : base(new ProcedureInfo(CheckName(name), typeof(TIn), typeof(TOut)))
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _validates = !typeof(TIn).IsSealed || validator.HasRules(typeof(TIn));
    }

    /// <summary>Validates <paramref name="input"/> and runs the handler with <paramref name="context"/> as given.</summary>
    public ValueTask<TOut> InvokeAsync(Context context, TIn input, CancellationToken cancellationToken) =>
        _validates ? ValidateAndInvokeAsync(context, input, cancellationToken) : _handler(context, input, cancellationToken);

    private ValueTask<TOut> ValidateAndInvokeAsync(Context context, TIn input, CancellationToken cancellationToken)
    {
        try
        {
            _validator.Validate(input, Info.Name);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<TOut>(exception);
        }

        return _handler(context, input, cancellationToken);
    }

    /// <inheritdoc/>
    public override ValueTask<TOut> InvokeAsync(Context context, object? input, CancellationToken cancellationToken) =>
        TryConvertInput(input, out var typed)
            ? InvokeAsync(context, typed, cancellationToken)
            : ValueTask.FromException<TOut>(InputMismatch(input));

    /// <summary>Runs the call with its context set to this procedure; a synchronous result is boxed without a task.</summary>
    public override ValueTask<object?> InvokeBoxedAsync(ProcedureCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = InvokeAsync(call.Context.WithProcedure(Info.Name), call.Input, call.CancellationToken);
        return result.IsCompletedSuccessfully ? new ValueTask<object?>(result.Result) : BoxAsync(result);
    }

    internal override ProcedureBinding Bind(BindingScope scope, ProcedureDelegate? pipeline) => new ProcedureBinding<TIn, TOut>(scope, this, pipeline);

    private static async ValueTask<object?> BoxAsync(ValueTask<TOut> pending) => await pending.ConfigureAwait(false);

    private static string CheckName(string name)
    {
        ProcedureName.EnsureValid(name);
        return name;
    }

    private CommunicationError InputMismatch(object? input) =>
        CommunicationErrors.InputTypeMismatch(Info.Name, CommunicationErrors.Describe(Info.InputType), CommunicationErrors.Describe(input?.GetType()));

    private static bool TryConvertInput(object? input, out TIn typed)
    {
        // The common case, an input of exactly the declared class, without the general cast (a helper call in the
        // code shared by all reference types).
        if (!typeof(TIn).IsValueType && input is not null && input.GetType() == typeof(TIn))
        {
            typed = Unsafe.As<object, TIn>(ref input);
            return true;
        }

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
