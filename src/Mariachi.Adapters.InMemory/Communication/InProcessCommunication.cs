using System.Runtime.CompilerServices;
using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Diagnostics;
using Mariachi.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mariachi.Adapters.InMemory.Communication;

/// <summary>
/// The default communication layer of a modular monolith: procedure calls dispatched in-process. Calls read an
/// immutable snapshot of the registrations without locking; <c>Register</c> and <c>Use</c> publish a new snapshot
/// under a lock, so registering while calls run is safe. A call without middleware goes straight to the typed
/// handler and allocates only the context that carries the procedure name: a handler that completes synchronously
/// completes the call synchronously, without a task. A <see cref="Procedure{TIn, TOut}"/> handle binds to its
/// handler here (<see cref="IProcedureBinder"/>), so a call by handle reaches it without a virtual call.
/// </summary>
public sealed class InProcessCommunication : ICommunication, IProcedureBinder
{
    private readonly ProcedureRegistry<ProcedureHandler> _registry;
    private readonly InputValidator _validator = new();
    private readonly ILogger _logger;

    public InProcessCommunication(ILogger<InProcessCommunication>? logger = null)
    {
        _registry = new ProcedureRegistry<ProcedureHandler>(this);
        _logger = logger ?? NullLogger<InProcessCommunication>.Instance;
    }

    public IReadOnlyList<ProcedureInfo> Procedures => _registry.Procedures;

    public bool Has(string name) => _registry.Has(name);

    public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler)
    {
        var registration = new ProcedureHandler<TIn, TOut>(name, handler, _validator);
        _registry.Add(registration);
        _logger.LogDebug("Registered procedure {Procedure} ({Input} -> {Output})", name, registration.Info.InputType, registration.Info.OutputType);
    }

    public ValueTask<TOut> CallAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken = default)
    {
        // The fast path first, in as little code as possible: a call without middleware to a handler of the right
        // output type, nobody observing. Everything else (checks that fail, middleware, errors, spans) is in Dispatch.
        if (name is not null
            && context is not null
            && !cancellationToken.IsCancellationRequested
            && !MariachiTelemetry.ProceduresObserved
            && _registry.TryGetDirect<TOut>(name, out var invoker))
        {
            return invoker.InvokeAsync(context.WithProcedure(name), input, cancellationToken);
        }

        return Dispatch<TOut>(name, context, input, cancellationToken);
    }

    /// <inheritdoc/>
    public ProcedureHandler<TIn, TOut>? Bind<TIn, TOut>(Procedure<TIn, TOut> procedure) => _registry.Bind(procedure);

    public void Use(IProcedureMiddleware middleware, string? procedure = null) => _registry.Use(middleware, procedure);

    /// <summary>
    /// Every call the fast path does not take: argument and cancellation checks, unknown names, calls through
    /// middleware or with other types than the registration's (boxed input, result type checked), and observed calls.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<TOut> Dispatch<TOut>(string? name, Context? context, object? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        if (MariachiTelemetry.ProceduresObserved)
        {
            return CallObservedAsync<TOut>(name, context, input, cancellationToken);
        }

        return DispatchUnobserved<TOut>(name, context, input, cancellationToken);
    }

    private ValueTask<TOut> DispatchUnobserved<TOut>(string name, Context context, object? input, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TOut>(cancellationToken);
        }

        return _registry.TryGet(name, out var entry)
            ? CallThroughPipelineAsync<TOut>(entry, context, input, cancellationToken)
            : ValueTask.FromException<TOut>(CommunicationErrors.NotFound(name, _registry.Names));
    }

    /// <summary>
    /// A call someone observes: the caller's span (Client) around it all, the handling span (Server, its child) around
    /// middleware and handler once the procedure is found, as over NATS.
    /// </summary>
    private async ValueTask<TOut> CallObservedAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken)
    {
        using var client = MariachiTelemetry.StartProcedureClient(name, context);
        try
        {
            if (!_registry.Has(name))
            {
                return await DispatchUnobserved<TOut>(name, context, input, cancellationToken).ConfigureAwait(false);
            }

            using var server = MariachiTelemetry.StartProcedureServer(name, context);
            try
            {
                return await DispatchUnobserved<TOut>(name, context, input, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                server?.Fail(exception);
                throw;
            }
        }
        catch (Exception exception)
        {
            client?.Fail(exception);
            throw;
        }
    }

    /// <summary>The general path: runs middleware (if any) with a boxed input and checks the result's type.</summary>
    private static async ValueTask<TOut> CallThroughPipelineAsync<TOut>(ProcedureEntry<ProcedureHandler> entry, Context context, object? input, CancellationToken cancellationToken)
    {
        var info = entry.Handler.Info;
        if (info.OutputType != typeof(TOut) && !typeof(TOut).IsAssignableFrom(info.OutputType) && !info.OutputType.IsAssignableFrom(typeof(TOut)))
        {
            throw OutputMismatch(info, typeof(TOut), info.OutputType);
        }

        var call = new ProcedureCall(info, context.WithProcedure(info.Name), input, cancellationToken);
        var result = await entry.InvokeAsync(call).ConfigureAwait(false);
        return result switch
        {
            TOut typed => typed,
            null when default(TOut) is null => default!,
            _ => throw OutputMismatch(info, typeof(TOut), result?.GetType()),
        };
    }

    private static CommunicationError OutputMismatch(ProcedureInfo info, Type requested, Type? actual) =>
        CommunicationErrors.OutputTypeMismatch(info.Name, CommunicationErrors.Describe(requested), CommunicationErrors.Describe(actual));
}
