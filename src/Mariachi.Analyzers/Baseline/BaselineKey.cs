using System;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// What identifies a finding in <c>mariachi-baseline.json</c>: the rule, the file (relative to the baseline's folder,
/// forward slashes), the enclosing symbol read from syntax, and the flagged line's source with its whitespace
/// normalised. No line or column: moving code, or editing elsewhere in the file, keeps the key.
/// </summary>
internal sealed class BaselineKey : IEquatable<BaselineKey>, IComparable<BaselineKey>
{
    public BaselineKey(string rule, string file, string symbol, string source)
    {
        Rule = rule;
        File = file;
        Symbol = symbol;
        Source = source;
    }

    public string Rule { get; }

    public string File { get; }

    public string Symbol { get; }

    public string Source { get; }

    public bool Equals(BaselineKey? other) =>
        other is not null
        && string.Equals(Rule, other.Rule, StringComparison.Ordinal)
        && string.Equals(File, other.File, StringComparison.Ordinal)
        && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal)
        && string.Equals(Source, other.Source, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as BaselineKey);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Rule);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(File);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Symbol);
            return (hash * 31) + StringComparer.Ordinal.GetHashCode(Source);
        }
    }

    /// <summary>The file's order: by file first, so the entries of one file sit together.</summary>
    public int CompareTo(BaselineKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var order = string.CompareOrdinal(File, other.File);
        if (order == 0)
        {
            order = string.CompareOrdinal(Rule, other.Rule);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(Symbol, other.Symbol);
        }

        return order != 0 ? order : string.CompareOrdinal(Source, other.Source);
    }

    public override string ToString() => $"{Rule} {File} {Symbol}: {Source}";
}
