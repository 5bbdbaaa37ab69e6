using System.Security;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// The web app of the README's "Adopt in an existing ASP.NET Core app" section: a Web SDK project that references
/// exactly the packages the section adds and holds exactly its marked code blocks.
/// </summary>
public sealed class AdoptedApp() : RestoredProject("mariachi-adopt-")
{
    public const string SectionTitle = "Adopt in an existing ASP.NET Core app";

    /// <summary>The section's code blocks marked <c>&lt;!-- adopt: name --&gt;</c>: the files (*.cs) and the call.</summary>
    public IReadOnlyDictionary<string, string> Blocks { get; private set; } = new Dictionary<string, string>();

    private protected override async Task WriteAsync(LocalFeed feed)
    {
        var section = Readme.Section(SectionTitle);
        Blocks = Readme.MarkedBlocks(section, "adopt");
        var packages = Readme.AddedPackages(section);
        Assert.NotEmpty(packages);
        Assert.Contains("Program.cs", Blocks.Keys);

        var references = string.Concat(packages.Select(id => $"""

                <PackageReference Include="{id}" Version="{feed.Version}" />
            """));
        await File.WriteAllTextAsync(Path.Combine(Template, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{SecurityElement.Escape(Path.Combine(Scratch, "packages"))}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>{references}
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, code) in Blocks.Where(b => b.Key.EndsWith(".cs", StringComparison.Ordinal)))
        {
            await File.WriteAllTextAsync(Path.Combine(Template, name), code);
        }
    }
}
