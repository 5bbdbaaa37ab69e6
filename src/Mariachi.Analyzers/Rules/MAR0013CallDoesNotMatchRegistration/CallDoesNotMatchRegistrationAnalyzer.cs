using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0013: a <c>CallAsync</c> of a registered procedure whose input or requested output fails the runtime's type
/// check (<see cref="ProcedureTypeRule"/>) against every registration of that name. The input is reported at the
/// input argument, the output at the called method's name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallDoesNotMatchRegistrationAnalyzer : CatalogCallAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CallDoesNotMatchRegistration);

    private protected override bool Finds(ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols)
    {
        var registrations = catalog.Find(call.Name);
        // A name the generator's file lacks may be registered by code the file has not caught up with.
        return registrations.Count == 0
            ? catalog.FromGeneratedFile
            : InputMismatches(call, registrations, symbols.Compilation) || OutputMismatches(call, registrations, symbols.Compilation);
    }

    private protected override void Report(OperationAnalysisContext context, ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols)
    {
        var registrations = catalog.Find(call.Name);
        if (InputMismatches(call, registrations, symbols.Compilation))
        {
            var actual = call.InputIsNull ? "null" : call.Input!.ToDisplayString();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallDoesNotMatchRegistration, call.InputLocation, call.Name, "takes input", registrations[0].Input!.ToDisplayString(), "passes", actual));
        }

        if (OutputMismatches(call, registrations, symbols.Compilation))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CallDoesNotMatchRegistration, call.OutputLocation, call.Name, "returns", registrations[0].Output!.ToDisplayString(), "asks for", call.Output.ToDisplayString()));
        }
    }

    private static bool InputMismatches(ProcedureCallSite call, IReadOnlyList<RegisteredTypes> registrations, Compilation compilation) =>
        registrations.Count > 0
        && (call.Input is not null || call.InputIsNull)
        && registrations.All(r => r.Input is not null && ProcedureTypeRule.InputMismatches(call.InputIsNull ? null : call.Input, r.Input, compilation));

    private static bool OutputMismatches(ProcedureCallSite call, IReadOnlyList<RegisteredTypes> registrations, Compilation compilation) =>
        registrations.Count > 0
        && registrations.All(r => r.Output is not null && ProcedureTypeRule.OutputMismatches(call.Output, r.Output, compilation));
}
