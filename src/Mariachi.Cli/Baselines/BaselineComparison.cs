using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Analysis;

namespace Mariachi.Cli.Baselines;

/// <summary>A check's findings against a baseline: the new ones, how many it accepted, and its entries no finding used.</summary>
internal sealed record BaselineComparison(
    IReadOnlyList<Finding> New,
    IReadOnlyList<(Finding Finding, BaselineKey Key)> NewKeyed,
    int Accepted,
    IReadOnlyList<BaselineEntry> Gone)
{
    /// <summary>Matches findings in the order every output uses (file, line, column), the order the build's suppressor uses too.</summary>
    public static BaselineComparison Compare(IReadOnlyList<Finding> findings, BaselineDocument baseline, string baselineDirectory)
    {
        var keys = new FindingKeys(baselineDirectory);
        var budget = new BaselineBudget(baseline);
        var fresh = new List<Finding>();
        var freshKeyed = new List<(Finding, BaselineKey)>();
        var accepted = 0;
        foreach (var finding in findings.Order(Finding.Order))
        {
            var key = keys.For(finding);
            if (key is not null && budget.TryAccept(key))
            {
                accepted++;
                continue;
            }

            fresh.Add(finding);
            if (key is not null)
            {
                freshKeyed.Add((finding, key));
            }
        }

        return new BaselineComparison(fresh, freshKeyed, accepted, budget.Unused().ToList());
    }
}
