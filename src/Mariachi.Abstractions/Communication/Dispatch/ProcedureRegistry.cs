using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Mariachi.Communication.Dispatch;

/// <summary>
/// The registrations and middleware of one <see cref="ICommunication"/>, shared by every adapter. Reads see an
/// immutable snapshot without locking; <see cref="Add"/> and <see cref="Use"/> publish a new snapshot under a lock,
/// so registering while calls run is safe. Pipelines are composed when a snapshot is built, so a call does no
/// composition work. Global middleware runs outside per-procedure middleware; the first added runs outermost.
/// </summary>
public sealed class ProcedureRegistry<THandler>
    where THandler : class, IProcedureHandler
{
    private readonly object _writeLock = new();
    private volatile Snapshot _snapshot;

    /// <summary>The binding of the last call by name that found one: a caller repeating a name skips the lookup.</summary>
    private ProcedureBinding? _lastByName;

    /// <summary>
    /// A registry without an owning communication: no call by handle trusts a binding to it, as suits an adapter whose
    /// callers never run its handlers directly (NATS).
    /// </summary>
    public ProcedureRegistry()
    {
        _snapshot = Snapshot.Empty(new BindingScope(new WeakReference<object>(this)));
    }

    /// <summary>
    /// The registry of <paramref name="owner"/>: a handle that <see cref="Bind"/> binds to one of its handlers trusts
    /// the binding only in a call through <paramref name="owner"/> (see <see cref="IProcedureBinder"/>).
    /// </summary>
    public ProcedureRegistry(ICommunication owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _snapshot = Snapshot.Empty(new BindingScope(new WeakReference<object>(owner)));
    }

    /// <summary>The registered procedures, ordered by name.</summary>
    public IReadOnlyList<ProcedureInfo> Procedures => _snapshot.Procedures;

    /// <summary>The registered names.</summary>
    public IEnumerable<string> Names => _snapshot.Entries.Keys;

    public bool Has(string? name) => name is not null && _snapshot.Entries.ContainsKey(name);

    public bool TryGet(string name, [MaybeNullWhen(false)] out ProcedureEntry<THandler> entry) =>
        _snapshot.Entries.TryGetValue(name, out entry);

    /// <summary>Finds the entry of <paramref name="procedure"/> by its name, with the hash the handle worked out once.</summary>
    public bool TryGet<TIn, TOut>(Procedure<TIn, TOut> procedure, [MaybeNullWhen(false)] out ProcedureEntry<THandler> entry)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return _snapshot.ByHandle.TryGet(procedure.Name, procedure.NameHash, out entry);
    }

    /// <summary>
    /// The binding of <paramref name="name"/> in the current snapshot, or null when it is not registered: what
    /// <see cref="IProcedureBinder.Bind"/> of this registry's owner answers. The last name found is remembered and
    /// compared by reference (a literal or a handle's name is the registered string object) before any hashing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ProcedureBinding? Bind(string name)
    {
        var last = _lastByName;
        return last is not null && ReferenceEquals(last.Name, name) && !last.Scope.Superseded ? last : BindName(name);
    }

    /// <summary>Adds <paramref name="handler"/>; a name registers once (<see cref="ErrorCodes.Communication.DuplicateProcedure"/>).</summary>
    public void Add(THandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_writeLock)
        {
            if (_snapshot.Entries.ContainsKey(handler.Info.Name))
            {
                throw CommunicationErrors.DuplicateProcedure(handler.Info.Name);
            }

            Publish(_snapshot.WithHandler(handler));
        }
    }

    /// <summary>Adds middleware around every procedure, or around <paramref name="procedure"/> only.</summary>
    public void Use(IProcedureMiddleware middleware, string? procedure = null)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        if (procedure is not null)
        {
            ProcedureName.EnsureValid(procedure);
        }

        lock (_writeLock)
        {
            Publish(_snapshot.WithMiddleware(middleware, procedure));
        }
    }

    /// <summary>Replaces the snapshot, then marks the old one superseded: every binding to it is a miss from now on.</summary>
    private void Publish(Snapshot next)
    {
        var previous = _snapshot;
        _snapshot = next;
        previous.Scope.Supersede();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ProcedureBinding? BindName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_snapshot.Bindings.TryGetValue(name, out var binding))
        {
            return null;
        }

        // Written only when it changes: a caller passing an equal but distinct string does not write on every call.
        if (!ReferenceEquals(_lastByName, binding))
        {
            _lastByName = binding;
        }

        return binding;
    }

    private sealed class Snapshot
    {
        private readonly IReadOnlyList<IProcedureMiddleware> _global;
        private readonly IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> _perProcedure;

        private Snapshot(
            BindingScope scope,
            FrozenDictionary<string, ProcedureEntry<THandler>> entries,
            IReadOnlyList<IProcedureMiddleware> global,
            IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> perProcedure)
        {
            Scope = scope;
            Entries = entries;
            ByHandle = new ProcedureLookup<ProcedureEntry<THandler>>(entries);
            Bindings = entries
                .Where(e => e.Value.Handler is ProcedureHandler)
                .ToFrozenDictionary(e => e.Key, e => ((ProcedureHandler)(object)e.Value.Handler).Bind(scope, e.Value.Pipeline), StringComparer.Ordinal);
            _global = global;
            _perProcedure = perProcedure;
            Procedures = entries.Values.Select(e => e.Handler.Info).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        }

        /// <summary>The owner and currency of this snapshot's bindings; a new snapshot gets a new scope of the same owner.</summary>
        public BindingScope Scope { get; }

        public static Snapshot Empty(BindingScope scope) => new(
            scope,
            FrozenDictionary<string, ProcedureEntry<THandler>>.Empty,
            [],
            new Dictionary<string, IReadOnlyList<IProcedureMiddleware>>(StringComparer.Ordinal));

        public FrozenDictionary<string, ProcedureEntry<THandler>> Entries { get; }

        public ProcedureLookup<ProcedureEntry<THandler>> ByHandle { get; }

        /// <summary>The bindings to this snapshot, by name.</summary>
        public FrozenDictionary<string, ProcedureBinding> Bindings { get; }

        public IReadOnlyList<ProcedureInfo> Procedures { get; }

        public Snapshot WithHandler(THandler handler)
        {
            var entries = new Dictionary<string, ProcedureEntry<THandler>>(Entries, StringComparer.Ordinal)
            {
                [handler.Info.Name] = Compose(handler, _global, _perProcedure),
            };
            return new Snapshot(new BindingScope(Scope.Owner), entries.ToFrozenDictionary(StringComparer.Ordinal), _global, _perProcedure);
        }

        public Snapshot WithMiddleware(IProcedureMiddleware middleware, string? procedure)
        {
            var global = _global;
            var perProcedure = _perProcedure;
            if (procedure is null)
            {
                global = [.. _global, middleware];
            }
            else
            {
                var copy = new Dictionary<string, IReadOnlyList<IProcedureMiddleware>>(_perProcedure, StringComparer.Ordinal);
                copy[procedure] = [.. copy.GetValueOrDefault(procedure) ?? [], middleware];
                perProcedure = copy;
            }

            var entries = Entries.Values
                .Select(e => Compose(e.Handler, global, perProcedure))
                .ToFrozenDictionary(e => e.Handler.Info.Name, StringComparer.Ordinal);
            return new Snapshot(new BindingScope(Scope.Owner), entries, global, perProcedure);
        }

        private static ProcedureEntry<THandler> Compose(
            THandler handler,
            IReadOnlyList<IProcedureMiddleware> global,
            IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> perProcedure)
        {
            IReadOnlyList<IProcedureMiddleware> own = perProcedure.GetValueOrDefault(handler.Info.Name) ?? [];
            if (global.Count == 0 && own.Count == 0)
            {
                return new ProcedureEntry<THandler>(handler, null);
            }

            ProcedureDelegate pipeline = handler.InvokeBoxedAsync;
            foreach (var middleware in global.Concat(own).Reverse())
            {
                var next = pipeline;
                pipeline = call => middleware.InvokeAsync(call, next);
            }

            return new ProcedureEntry<THandler>(handler, pipeline);
        }
    }
}
