using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// Honours <c>mariachi-baseline.json</c> in builds and the IDE: a Mariachi finding the baseline accepts is suppressed
/// (each entry up to its count), so <c>dotnet build</c> reports only what is new, as <c>mariachi check --baseline</c>
/// does. The analyzer package adds the nearest baseline at or above the project folder as an additional file. A
/// baseline that does not read suppresses nothing (MAR0901 says why).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule = DiagnosticDescriptors.All
        .Select(d => d.Id)
        .Where(BaselineMatching.IsBaselinable)
        .Distinct()
        .ToImmutableDictionary(
            id => id,
            id => new SuppressionDescriptor("MARB" + id.Substring(3), id, "Accepted by mariachi-baseline.json (existing code, to be fixed over time)"));

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.OrderBy(d => d.Id).ToImmutableArray();

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var file = BaselineFiles.Applicable(context.Options.AdditionalFiles);
        if (file is null || BaselineFiles.Read(file, context.CancellationToken)?.Document is not { } baseline || baseline.Entries.IsEmpty)
        {
            return;
        }

        var budget = new BaselineBudget(baseline);
        var directory = BaselinePaths.DirectoryOf(file.Path);
        foreach (var (diagnostic, _, accepted) in BaselineMatching.Match(context.ReportedDiagnostics, budget, directory, context.CancellationToken))
        {
            if (accepted && ByRule.TryGetValue(diagnostic.Id, out var descriptor))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }
}
