using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// Times the Mariachi source generators over one compilation, as a build pays for them. csc runs the generators on
/// the compilation it then compiles, so binding the compilation's references (hundreds of framework assemblies) is
/// work the compile does anyway: it is done here before the clock starts, as <see cref="AnalyzerPass"/> does for the
/// analyzers. What remains is the generators' own work: their gates, their syntax walks and their semantic steps
/// (which load the namespaces of the assemblies they look into, Mariachi.Abstractions first). The time is the
/// driver's own account of each generator (<see cref="GeneratorDriver.GetTimingInfo"/>), summed.
/// </summary>
internal static class GeneratorTiming
{
    private static readonly Lazy<IReadOnlyList<ISourceGenerator>> Mariachi = new(AnalyzerSet.LoadGenerators);

    /// <summary>
    /// <paramref name="compilation"/> with the files of Mariachi's generators added (untimed, whatever <c>--only</c>
    /// says): what csc hands the analyzers in a build, so the rules that read the catalog generator's output do so here.
    /// </summary>
    public static Compilation WithGeneratedFiles(Compilation compilation, CancellationToken cancellationToken)
    {
        CSharpGeneratorDriver.Create([.. Mariachi.Value], parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _, cancellationToken);
        return updated;
    }

    public static double Run(IReadOnlyList<ISourceGenerator> generators, Compilation compilation, CancellationToken cancellationToken, Action<GeneratorDriverRunResult>? inspect = null)
    {
        if (generators.Count == 0)
        {
            return 0;
        }

        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        AnalyzerPass.Settle();
        var driver = CSharpGeneratorDriver.Create([.. generators], parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        var noGc = AnalyzerPass.NoGcRegion.TryStart();
        var ran = driver.RunGenerators(compilation, cancellationToken);
        AnalyzerPass.NoGcRegion.End(noGc);
        var result = ran.GetRunResult();
        if (result.Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } exception })
        {
            throw new InvalidOperationException("A generator threw: " + exception);
        }

        inspect?.Invoke(result);
        return ran.GetTimingInfo().GeneratorTimes.Sum(t => t.ElapsedTime.TotalMilliseconds);
    }
}
