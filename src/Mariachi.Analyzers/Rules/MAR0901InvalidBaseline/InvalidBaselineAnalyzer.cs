using System;
using System.Collections.Immutable;
using System.Linq;
using Mariachi.Analyzers.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0901: the project's <c>mariachi-baseline.json</c> does not read (reported at the offending character), or
/// more than one is an additional file of the project. Either way the baseline suppresses nothing, and the build
/// says so instead of reporting every accepted finding again without a reason.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidBaselineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidBaseline);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(Analyze);
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!BaselineFiles.IsBaseline(file.Path))
        {
            return;
        }

        var all = BaselineFiles.All(context.Options.AdditionalFiles);
        if (all.Count > 1)
        {
            if (string.Equals(all[0].Path, file.Path, StringComparison.Ordinal))
            {
                var paths = string.Join("', '", all.Select(f => f.Path));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidBaseline,
                    Location.Create(file.Path, default, default),
                    $"the project has more than one ('{paths}') and only one can apply"));
            }

            return;
        }

        if (BaselineFiles.Read(file, context.CancellationToken) is { Error: { } error } && file.GetText(context.CancellationToken) is { } text)
        {
            var offset = error.Offset < text.Length ? error.Offset : text.Length;
            var span = new TextSpan(offset, offset < text.Length ? 1 : 0);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidBaseline,
                Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                error.Message));
        }
    }
}
