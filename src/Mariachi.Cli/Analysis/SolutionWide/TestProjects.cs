using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>A test project is one that references a test framework (what `dotnet test` would run).</summary>
internal static class TestProjects
{
    private static readonly HashSet<string> Frameworks = new(StringComparer.OrdinalIgnoreCase)
    {
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core",
    };

    public static bool IsTest(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => Frameworks.Contains(a.Name));
}
