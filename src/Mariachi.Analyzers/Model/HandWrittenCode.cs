using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Generated code left alone by the rule itself instead of the analyzer driver, for rules that report many findings
/// (MAR0001, MAR0006, MAR0007, MAR0008, MAR0009, MAR0012, MAR0013). With <see cref="GeneratedCodeAnalysisFlags.None"/> the driver checks every reported
/// diagnostic against generated code, and the first report in a file walks all of that file's tokens looking for a
/// <c>GeneratedCode</c> attribute: on IdentityServer's Razor hosts that was about a third of MAR0001's time. These
/// rules take <see cref="Flags"/>, return where the context says the code is generated (a generated file, a type or
/// member marked <c>[GeneratedCode]</c>: what the driver skips), and ask <see cref="IsReportable"/> before reporting,
/// which covers the rest of the driver's check from the report's own node (<c>#line hidden</c> lines). The driver's
/// check does not look at local functions (a <c>[GeneratedCode]</c> local function's code is reported), nor does this.
/// </summary>
internal static class HandWrittenCode
{
    /// <summary>The flags of a rule that skips generated code itself.</summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <summary>
    /// False when a diagnostic on <paramref name="node"/> (inside a member the context did not call generated) would
    /// be dropped by the driver as generated code: it starts on a <c>#line hidden</c> line.
    /// </summary>
    public static bool IsReportable(SyntaxNode node) => IsReportable(node.SyntaxTree, node.SpanStart);

    /// <summary>As <see cref="IsReportable(SyntaxNode)"/>, for a diagnostic at <paramref name="location"/>.</summary>
    public static bool IsReportable(Location location) =>
        location.SourceTree is not { } tree || IsReportable(tree, location.SourceSpan.Start);

    private static bool IsReportable(SyntaxTree tree, int position) =>
        !tree.HasHiddenRegions() || tree.GetLineVisibility(position) != LineVisibility.Hidden;
}
