using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

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
    private volatile Snapshot _snapshot = Snapshot.Empty;

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

            _snapshot = _snapshot.WithHandler(handler);
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
            _snapshot = _snapshot.WithMiddleware(middleware, procedure);
        }
    }

    private sealed class Snapshot
    {
        private readonly IReadOnlyList<IProcedureMiddleware> _global;
        private readonly IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> _perProcedure;

        private Snapshot(
            FrozenDictionary<string, ProcedureEntry<THandler>> entries,
            IReadOnlyList<IProcedureMiddleware> global,
            IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> perProcedure)
        {
            Entries = entries;
            ByHandle = new ProcedureLookup<ProcedureEntry<THandler>>(entries);
            _global = global;
            _perProcedure = perProcedure;
            Procedures = entries.Values.Select(e => e.Handler.Info).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        }

        public static Snapshot Empty { get; } = new(
            FrozenDictionary<string, ProcedureEntry<THandler>>.Empty,
            [],
            new Dictionary<string, IReadOnlyList<IProcedureMiddleware>>(StringComparer.Ordinal));

        public FrozenDictionary<string, ProcedureEntry<THandler>> Entries { get; }

        public ProcedureLookup<ProcedureEntry<THandler>> ByHandle { get; }

        public IReadOnlyList<ProcedureInfo> Procedures { get; }

        public Snapshot WithHandler(THandler handler)
        {
            var entries = new Dictionary<string, ProcedureEntry<THandler>>(Entries, StringComparer.Ordinal)
            {
                [handler.Info.Name] = Compose(handler, _global, _perProcedure),
            };
            return new Snapshot(entries.ToFrozenDictionary(StringComparer.Ordinal), _global, _perProcedure);
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
            return new Snapshot(entries, global, perProcedure);
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
