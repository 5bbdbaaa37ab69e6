using System.Diagnostics.CodeAnalysis;

namespace Mariachi.Communication.Dispatch;

/// <summary>
/// An immutable open-addressing table from procedure name to value, looked up with a hash computed by the caller, so
/// a <see cref="Procedure{TIn, TOut}"/> handle, which hashes its name once, finds its entry with a few comparisons.
/// </summary>
internal sealed class ProcedureLookup<TValue>
    where TValue : class
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public ProcedureLookup(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        var list = items.ToList();
        var size = 2;
        while (size < list.Count * 2)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        foreach (var (name, value) in list)
        {
            var hash = ProcedureLookup.Hash(name);
            var i = hash & _mask;
            while (_slots[i].Value is not null)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = new Slot(hash, name, value);
        }
    }

    public bool TryGet(string name, int hash, [MaybeNullWhen(false)] out TValue value)
    {
        var slots = _slots;
        for (var i = hash & _mask; ; i = (i + 1) & _mask)
        {
            var slot = slots[i];
            if (slot.Value is null)
            {
                value = null;
                return false;
            }

            if (slot.Hash == hash && (ReferenceEquals(slot.Name, name) || string.Equals(slot.Name, name, StringComparison.Ordinal)))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    private readonly record struct Slot(int Hash, string Name, TValue? Value);
}

/// <summary>The hash <see cref="ProcedureLookup{TValue}"/> and the handles agree on.</summary>
internal static class ProcedureLookup
{
    public static int Hash(string name) => StringComparer.Ordinal.GetHashCode(name);
}
