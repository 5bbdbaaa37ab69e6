using System.Collections.Immutable;
using System.Composition;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Rules;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0012: writes the suggested name where the name is declared: the literal at the call, or the literal of the
/// <c>const</c> or <c>Procedure</c> handle it comes from, which may be in another document (the analyzer gives it as
/// the diagnostic's additional location, only when the name is one literal).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownProcedureCodeFix))]
[Shared]
public sealed class UnknownProcedureCodeFix : LiteralRewriteCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownProcedure);

    protected override string FixAllTitle => "Use the suggested procedure names";

    protected override string EquivalenceKey => "MAR0012.UseSuggestion";

    protected override string Title(string newValue) => $"Use '{newValue}'";

    protected override string? NewValue(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(UnknownProcedureAnalyzer.SuggestionProperty, out var suggestion) ? suggestion : null;
}
