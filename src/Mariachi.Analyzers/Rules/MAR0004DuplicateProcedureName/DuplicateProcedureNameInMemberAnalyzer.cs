using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0004 inside one member, reported live in the IDE. The compilation-wide check lives in
/// <see cref="DuplicateProcedureNameAnalyzer"/>, which leaves these registrations to this analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateProcedureNameInMemberAnalyzer : DuplicateProcedureNameAnalyzerBase
{
    public DuplicateProcedureNameInMemberAnalyzer()
        : base(DiagnosticDescriptors.DuplicateProcedureNameInMember, compilationWide: false)
    {
    }
}
