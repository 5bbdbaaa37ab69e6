using Mariachi.Communication;
using Mariachi.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mariachi.Adapters.InMemory.Communication;

/// <summary>
/// The default communication layer of a modular monolith: procedure calls dispatched in-process. Calls read an
/// immutable snapshot of the registrations without locking; <c>Register</c> and <c>Use</c> publish a new snapshot
/// under a lock, so registering while calls run is safe. A call without middleware goes straight to the typed
/// handler and allocates only the context that carries the procedure name.
/// </summary>
public sealed class InProcessCommunication : ICommunication
{
    private readonly object _writeLock = new();
    private readonly InputValidator _validator = new();
    private readonly ILogger _logger;
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public InProcessCommunication(ILogger<InProcessCommunication>? logger = null)
    {
        _logger = logger ?? NullLogger<InProcessCommunication>.Instance;
    }

    public IReadOnlyList<ProcedureInfo> Procedures => _snapshot.Procedures;

    public bool Has(string name) => name is not null && _snapshot.Entries.ContainsKey(name);

    public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, Task<TOut>> handler)
    {
        ProcedureName.EnsureValid(name);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new Registration<TIn, TOut>(name, handler, _validator));
    }

    public void Register<TIn, TOut>(string name, Func<Context, TIn, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register<TIn, TOut>(name, (context, input, _) => handler(context, input));
    }

    public void Register<TIn, TOut>(Procedure<TIn, TOut> procedure, Func<Context, TIn, CancellationToken, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Register(procedure.Name, handler);
    }

    public void Register<TIn, TOut>(Procedure<TIn, TOut> procedure, Func<Context, TIn, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Register(procedure.Name, handler);
    }

    public Task<TOut> CallAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TOut>(cancellationToken);
        }

        if (!_snapshot.Entries.TryGetValue(name, out var entry))
        {
            return Task.FromException<TOut>(NotFound(name));
        }

        if (entry.Pipeline is null && entry.Registration is IOutputInvoker<TOut> invoker)
        {
            return invoker.InvokeAsync(context.WithProcedure(name), input, cancellationToken);
        }

        return CallThroughPipelineAsync<TOut>(entry, context, input, cancellationToken);
    }

    public Task<TOut> CallAsync<TIn, TOut>(Procedure<TIn, TOut> procedure, Context context, TIn input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(context);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TOut>(cancellationToken);
        }

        if (!_snapshot.Entries.TryGetValue(procedure.Name, out var entry))
        {
            return Task.FromException<TOut>(NotFound(procedure.Name));
        }

        if (entry.Pipeline is null && entry.Registration is Registration<TIn, TOut> typed)
        {
            return typed.InvokeAsync(context.WithProcedure(procedure.Name), input, cancellationToken);
        }

        return CallThroughPipelineAsync<TOut>(entry, context, input, cancellationToken);
    }

    public void Use(IProcedureMiddleware middleware, string? procedure = null)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        if (procedure is not null)
        {
            ProcedureName.EnsureValid(procedure);
        }

        lock (_writeLock)
        {
            _snapshot = _snapshot.WithMiddleware(middleware, procedure);
        }
    }

    /// <summary>The general path: runs middleware (if any) with a boxed input and checks the result's type.</summary>
    private static async Task<TOut> CallThroughPipelineAsync<TOut>(Entry entry, Context context, object? input, CancellationToken cancellationToken)
    {
        var info = entry.Registration.Info;
        if (!typeof(TOut).IsAssignableFrom(info.OutputType) && !info.OutputType.IsAssignableFrom(typeof(TOut)))
        {
            throw TypeMismatch.Output(info, typeof(TOut), info.OutputType);
        }

        var call = new ProcedureCall(info, context.WithProcedure(info.Name), input, cancellationToken);
        var result = await (entry.Pipeline ?? entry.Registration.InvokeBoxedAsync)(call).ConfigureAwait(false);
        return result switch
        {
            TOut typed => typed,
            null when default(TOut) is null => default!,
            _ => throw TypeMismatch.Output(info, typeof(TOut), result?.GetType()),
        };
    }

    private void Add(Registration registration)
    {
        lock (_writeLock)
        {
            if (_snapshot.Entries.ContainsKey(registration.Info.Name))
            {
                throw new CommunicationError(
                    ErrorCodes.Communication.DuplicateProcedure,
                    $"Procedure '{registration.Info.Name}' is already registered. Procedure names are globally unique: rename one of the two handlers.",
                    MariachiError.Meta(("procedure", registration.Info.Name)));
            }

            _snapshot = _snapshot.WithRegistration(registration);
        }

        _logger.LogDebug("Registered procedure {Procedure} ({Input} -> {Output})", registration.Info.Name, registration.Info.InputType, registration.Info.OutputType);
    }

    private CommunicationError NotFound(string name)
    {
        var suggestion = NameSuggestions.Closest(name, _snapshot.Entries.Keys);
        return new CommunicationError(
            ErrorCodes.Communication.NotFound,
            suggestion is null
                ? $"No procedure named '{name}' is registered."
                : $"No procedure named '{name}' is registered. Did you mean '{suggestion}'?",
            MariachiError.Meta(("procedure", name), ("suggestion", suggestion)));
    }
}
