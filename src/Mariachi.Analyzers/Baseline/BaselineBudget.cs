using System.Collections.Generic;
using System.Linq;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// What a baseline still accepts while findings are matched against it: each entry accepts its count, no more
/// (two baselined, three present: one is new). Callers offer findings in source order (see
/// <see cref="BaselineMatching"/>), so the build and the tool call the same ones new. Not thread-safe.
/// </summary>
internal sealed class BaselineBudget
{
    private readonly Dictionary<BaselineKey, int> _remaining;

    public BaselineBudget(BaselineDocument baseline) =>
        _remaining = baseline.Entries.ToDictionary(e => e.Key, e => e.Count);

    /// <summary>Accepts one finding with <paramref name="key"/> if the baseline has room for it.</summary>
    public bool TryAccept(BaselineKey key)
    {
        if (!_remaining.TryGetValue(key, out var left) || left == 0)
        {
            return false;
        }

        _remaining[key] = left - 1;
        return true;
    }

    /// <summary>The entries (with how many of their count) that no finding used: code fixed since, to drop from the file.</summary>
    public IEnumerable<BaselineEntry> Unused() =>
        _remaining.Where(r => r.Value > 0).Select(r => new BaselineEntry(r.Key, r.Value)).OrderBy(e => e.Key);
}
