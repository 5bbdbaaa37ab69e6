using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Mariachi.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0012: a <c>CallAsync</c> with a constant name (or a handle with one) that neither the compilation nor the
/// catalogs of its references register, with the runtime's "did you mean" suggestion. Reported where the call is
/// analyzed (live in the IDE, where the fix is offered) against <see cref="ProcedureCatalog"/>. When there is a suggestion
/// and the name is written as one literal, the diagnostic's additional location is that literal (the fix's target).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownProcedureAnalyzer : CatalogCallAnalyzer
{
    /// <summary>The diagnostic property that holds the suggested name.</summary>
    public const string SuggestionProperty = "Suggestion";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnknownProcedure);

    private protected override bool Finds(ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols) => !catalog.Has(call.Name);

    private protected override void Report(OperationAnalysisContext context, ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols)
    {
        var suggestion = ClosestName.Find(call.Name, catalog.Names);
        var literal = suggestion is null ? null : NameLiteral.Find(call.NameValue, symbols.Compilation);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownProcedure,
            call.NameValue.Syntax.GetLocation(),
            literal is null ? null : new[] { literal.GetLocation() },
            properties,
            call.Name,
            suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
    }
}
