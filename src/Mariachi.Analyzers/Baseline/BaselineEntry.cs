namespace Mariachi.Analyzers.Baseline;

/// <summary>One entry of a baseline: a finding's key and how many findings with that key it accepts.</summary>
internal sealed class BaselineEntry
{
    public BaselineEntry(BaselineKey key, int count)
    {
        Key = key;
        Count = count;
    }

    public BaselineKey Key { get; }

    public int Count { get; }
}
