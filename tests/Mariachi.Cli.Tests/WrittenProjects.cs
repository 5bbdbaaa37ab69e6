namespace Mariachi.Cli.Tests;

/// <summary>Small projects a test writes into a <see cref="SampleCopies.NewFolder"/>: a project file and one source file.</summary>
internal static class WrittenProjects
{
    /// <summary>The analyzer package's build targets, imported as a package reference would (baseline, CI gate).</summary>
    public static string PackageTargets { get; } = Path.Combine(Repository.Root, "src", "Mariachi.Analyzers.Package", "buildTransitive", "Mariachi.Analyzers.targets");

    /// <summary>A service class whose one member reads the environment (MAR0002) on line 5.</summary>
    public static string ServiceReadingTheEnvironment(string name) => $$"""
        namespace {{name}};

        public sealed class StockService
        {
            public string? Region() => Environment.GetEnvironmentVariable("REGION");
        }
        """;

    /// <summary>Writes <c>name/name.csproj</c> (an SDK project with <paramref name="body"/> inside it) and <c>name/Code.cs</c>.</summary>
    public static void Write(string folder, string name, string body, string code)
    {
        var project = Path.Combine(folder, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
            {body}
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Code.cs"), code);
    }

    /// <summary>A .slnx listing <c>name/name.csproj</c> of each name.</summary>
    public static void WriteSolution(string folder, string file, params string[] names) =>
        File.WriteAllText(Path.Combine(folder, file), $"<Solution>\n{string.Join('\n', names.Select(n => $"  <Project Path=\"{n}/{n}.csproj\" />"))}\n</Solution>\n");
}
