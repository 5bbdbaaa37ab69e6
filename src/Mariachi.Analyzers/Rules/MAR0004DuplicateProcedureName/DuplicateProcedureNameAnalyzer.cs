using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0004: two <c>Register</c> calls with the same constant procedure name. Duplicates inside one member are
/// reported when that member is analyzed; the compilation-wide check runs at compilation end and reports every
/// other registration of a duplicated name, with the conflicting registrations as additional locations.
/// Registrations in mutually exclusive branches of one if/else or switch are not duplicates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateProcedureNameAnalyzer : DuplicateProcedureNameAnalyzerBase
{
    public DuplicateProcedureNameAnalyzer()
        : base(DiagnosticDescriptors.DuplicateProcedureName, compilationWide: true)
    {
    }
}
