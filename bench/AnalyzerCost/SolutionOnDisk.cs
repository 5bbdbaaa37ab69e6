namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// `--write-solution N DIR`: the synthetic solution of N files as a project on disk (Shop/Shop.csproj, a web project
/// referencing this repository's Mariachi.Abstractions, Mariachi.Adapters.InMemory and Mariachi.Analyzers, and Shop.slnx), so that `dotnet build`
/// and `mariachi check` can be timed side by side on the same code (docs/benchmarks.md, Command line tool).
/// </summary>
internal static class SolutionOnDisk
{
    public static string Write(int files, string directory, string repositoryRoot)
    {
        var project = Path.Combine(directory, "Shop");
        if (Directory.Exists(project))
        {
            Directory.Delete(project, recursive: true);
        }

        foreach (var file in SyntheticSolution.Generate(files))
        {
            var path = Path.Combine(directory, file.Path.TrimStart('/').Replace("src/", "", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        var src = Path.Combine(repositoryRoot, "src");
        File.WriteAllText(Path.Combine(project, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591;CS8618</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(src, "Mariachi.Abstractions", "Mariachi.Abstractions.csproj")}" />
                <ProjectReference Include="{Path.Combine(src, "Mariachi.Adapters.InMemory", "Mariachi.Adapters.InMemory.csproj")}" />
                <ProjectReference Include="{Path.Combine(src, "Mariachi.Analyzers", "Mariachi.Analyzers.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Shop.slnx"), """
            <Solution>
              <Project Path="Shop/Shop.csproj" />
            </Solution>
            """);
        return Path.Combine(directory, "Shop.slnx");
    }
}
