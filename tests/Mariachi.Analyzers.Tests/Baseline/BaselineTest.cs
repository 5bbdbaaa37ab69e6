using Mariachi.Analyzers.Baseline;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Baseline;

/// <summary>
/// MAR0002 (it needs no Mariachi types) with the baseline suppressor and MAR0901, over markup code and a
/// <c>mariachi-baseline.json</c> additional file beside it (<c>/0/</c>, the folder of the test's sources).
/// </summary>
internal sealed class BaselineTest : CSharpAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer, DefaultVerifier>
{
    public const string BaselinePath = "/0/" + BaselineDocument.FileName;

    public BaselineTest(string source, string? baseline)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Configure(TestState, mariachi: false, aspNetCore: false);
        if (baseline is not null)
        {
            TestState.AdditionalFiles.Add((BaselinePath, baseline));
        }
    }

    /// <summary>A baseline file holding these entries, one per line as the tool writes them.</summary>
    public static string File(params (string Symbol, string Source, int Count)[] entries) => new BaselineDocument(
        entries.Select(e => new BaselineEntry(new BaselineKey("MAR0002", "Test0.cs", e.Symbol, e.Source), e.Count))).Write();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [new EnvironmentReadOutsideConfigAnalyzer(), new BaselineSuppressor(), new InvalidBaselineAnalyzer()];
}
