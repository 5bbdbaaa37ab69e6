using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over code that does not compile and returns every diagnostic, exceptions included.</summary>
internal static class SingleAnalyzerRun
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string code)
    {
        var compilation = CSharpCompilation.Create(
            "HalfTyped",
            [CSharpSyntaxTree.ParseText(code, path: "/0/Test0.cs")],
            [.. TestReferences.NetCore, .. TestReferences.Mariachi],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers([analyzer], options).GetAllDiagnosticsAsync();

        Assert.Empty(exceptions);
        return diagnostics;
    }
}
