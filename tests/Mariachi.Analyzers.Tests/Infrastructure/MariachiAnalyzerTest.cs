using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test over markup code (<c>{|MAR0005:...|}</c> or <c>[|...|]</c>), compiled against .NET and
/// Mariachi.Abstractions (and ASP.NET Core when <see cref="UseAspNetCore"/> is set).
/// </summary>
public sealed class MariachiAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public MariachiAnalyzerTest(string source, bool mariachi = true, bool aspNetCore = false)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, mariachi, aspNetCore);
    }

    /// <summary>Adds an .editorconfig section that applies to every file.</summary>
    public MariachiAnalyzerTest<TAnalyzer> WithEditorConfig(string lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + lines));
        return this;
    }

    /// <summary>Adds a .globalconfig.</summary>
    public MariachiAnalyzerTest<TAnalyzer> WithGlobalConfig(string lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines));
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RuleAnalyzers.For<TAnalyzer>();

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
