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
/// completes the call synchronously, without a task. Calls by name and by <see cref="Procedure{TIn, TOut}"/> handle
/// bind to the handler (or its middleware pipeline) here (<see cref="IProcedureBinder"/>), so they reach it without a
/// virtual call.
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

    /// <inheritdoc/>
    /// <remarks>
    /// Reached for the calls the bound fast paths of <see cref="ICommunication.CallAsync{TOut}"/> and of a
    /// <see cref="Procedure{TIn, TOut}"/> handle do not take: argument and cancellation checks, unknown names, output
    /// types other than the registration's, and calls someone observes.
    /// </remarks>
    public ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resultType);
        return MariachiTelemetry.ProceduresObserved
            ? CallObservedAsync(name, context, input, resultType, cancellationToken)
            : CallUnobserved(name, context, input, resultType, cancellationToken);
    }

    /// <inheritdoc/>
    public ProcedureBinding? Bind(string name) => _registry.Bind(name);

    public void Use(IProcedureMiddleware middleware, string? procedure = null) => _registry.Use(middleware, procedure);

    private ValueTask<object?> CallUnobserved(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<object?>(cancellationToken);
        }

        return _registry.TryGet(name, out var entry)
            ? entry.CallAsync(context, input, resultType, cancellationToken)
            : ValueTask.FromException<object?>(CommunicationErrors.NotFound(name, _registry.Names));
    }

    /// <summary>
    /// A call someone observes: the caller's span (Client) around it all, the handling span (Server, its child) around
    /// middleware and handler once the procedure is found, as over NATS.
    /// </summary>
    private async ValueTask<object?> CallObservedAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        using var client = MariachiTelemetry.StartProcedureClient(name, context);
        try
        {
            if (!_registry.Has(name))
            {
                return await CallUnobserved(name, context, input, resultType, cancellationToken).ConfigureAwait(false);
            }

            using var server = MariachiTelemetry.StartProcedureServer(name, context);
            try
            {
                return await CallUnobserved(name, context, input, resultType, cancellationToken).ConfigureAwait(false);
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
}
