using System.Collections.Frozen;
using Mariachi.Communication;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>A registration with its composed middleware pipeline (null when no middleware applies).</summary>
internal sealed record Entry(Registration Registration, ProcedureDelegate? Pipeline)
{
    public ProcedureDelegate Invoke => Pipeline ?? Registration.InvokeBoxedAsync;
}

/// <summary>
/// An immutable view of the registrations and middleware. Writers build a new snapshot under a lock; readers
/// never lock. Pipelines are composed when a snapshot is built, so a request does no composition work.
/// </summary>
internal sealed class Snapshot
{
    private readonly IReadOnlyList<IProcedureMiddleware> _global;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> _perProcedure;

    private Snapshot(
        FrozenDictionary<string, Entry> entries,
        IReadOnlyList<IProcedureMiddleware> global,
        IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> perProcedure)
    {
        Entries = entries;
        _global = global;
        _perProcedure = perProcedure;
        Procedures = entries.Values.Select(e => e.Registration.Info).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
    }

    public static Snapshot Empty { get; } = new(
        FrozenDictionary<string, Entry>.Empty,
        [],
        new Dictionary<string, IReadOnlyList<IProcedureMiddleware>>(StringComparer.Ordinal));

    public FrozenDictionary<string, Entry> Entries { get; }

    public IReadOnlyList<ProcedureInfo> Procedures { get; }

    public Snapshot WithRegistration(Registration registration)
    {
        var entries = new Dictionary<string, Entry>(Entries, StringComparer.Ordinal)
        {
            [registration.Info.Name] = Compose(registration, _global, _perProcedure),
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
            .Select(e => Compose(e.Registration, global, perProcedure))
            .ToFrozenDictionary(e => e.Registration.Info.Name, StringComparer.Ordinal);
        return new Snapshot(entries, global, perProcedure);
    }

    /// <summary>Wraps the handler in per-procedure middleware, then global middleware; the first added runs outermost.</summary>
    private static Entry Compose(
        Registration registration,
        IReadOnlyList<IProcedureMiddleware> global,
        IReadOnlyDictionary<string, IReadOnlyList<IProcedureMiddleware>> perProcedure)
    {
        IReadOnlyList<IProcedureMiddleware> own = perProcedure.GetValueOrDefault(registration.Info.Name) ?? [];
        if (global.Count == 0 && own.Count == 0)
        {
            return new Entry(registration, null);
        }

        ProcedureDelegate pipeline = registration.InvokeBoxedAsync;
        foreach (var middleware in global.Concat(own).Reverse())
        {
            var next = pipeline;
            pipeline = call => middleware.InvokeAsync(call, next);
        }

        return new Entry(registration, pipeline);
    }
}
