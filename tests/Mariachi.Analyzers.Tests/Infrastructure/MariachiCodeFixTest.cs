using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code-fix test: the fixed code must match, and the framework also applies FixAll in document, project and
/// solution scope and checks the same result (CodeFixTestBehaviors left at their defaults).
/// </summary>
public sealed class MariachiCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public MariachiCodeFixTest(string source, string fixedSource, bool mariachi = true, bool aspNetCore = false)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, mariachi, aspNetCore);
        TestReferences.Configure(FixedState, mariachi, aspNetCore);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RuleAnalyzers.For<TAnalyzer>();

    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new MariachiCodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
