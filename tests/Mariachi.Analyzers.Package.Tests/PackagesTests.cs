using System.IO.Compression;
using System.Xml.Linq;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>What the README's one pack command produces: every package, its symbols, its metadata, and nothing else.</summary>
public sealed class PackagesTests
{
    private const string Repository = "https://github.com/mariachi-dotnet/mariachi";

    private static readonly string[] Packages =
    [
        "Mariachi.Abstractions",
        "Mariachi.Adapters.EntityFrameworkCore",
        "Mariachi.Adapters.InMemory",
        "Mariachi.Adapters.Nats",
        "Mariachi.Analyzers",
        "Mariachi.AspNetCore",
        "Mariachi.Cli",
        "Mariachi.Testing",
    ];

    [Fact]
    public async Task Every_package_and_its_symbols_are_produced_and_nothing_else()
    {
        var feed = await LocalFeed.GetAsync();

        // Samples, tests and benchmarks would show up here as extra packages.
        Assert.Equal(Packages.Select(id => $"{id}.{feed.Version}.nupkg"), Files(feed, "*.nupkg"));
        // The analyzers have no build output to index (their assemblies embed their PDBs instead); the mariachi tool
        // carries its PDB inside its package.
        Assert.Equal(Packages.Where(id => id is not "Mariachi.Analyzers" and not "Mariachi.Cli").Select(id => $"{id}.{feed.Version}.snupkg"), Files(feed, "*.snupkg"));
        foreach (var symbols in Directory.GetFiles(feed.Directory, "*.snupkg"))
        {
            using var archive = ZipFile.OpenRead(symbols);
            Assert.Contains(archive.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_package_carries_its_readme_license_and_repository()
    {
        var feed = await LocalFeed.GetAsync();

        foreach (var id in Packages)
        {
            using var archive = ZipFile.OpenRead(Path.Combine(feed.Directory, $"{id}.{feed.Version}.nupkg"));
            var metadata = Nuspec(archive, id);

            Assert.Equal(feed.Version, Value(metadata, "version"));
            Assert.Equal("README.md", Value(metadata, "readme"));
            using (var readme = new StreamReader(archive.GetEntry("README.md")!.Open()))
            {
                // Each package's own README, not a shared one.
                Assert.StartsWith($"# {id}\n", (await readme.ReadToEndAsync()).ReplaceLineEndings("\n"), StringComparison.Ordinal);
            }

            var license = Element(metadata, "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            var repository = Element(metadata, "repository");
            Assert.Equal(("git", Repository), ((string?)repository.Attribute("type"), (string?)repository.Attribute("url")));
            Assert.Equal(Repository, Value(metadata, "projectUrl"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), id);
        }
    }

    [Fact]
    public async Task Pack_prints_no_warning()
    {
        var feed = await LocalFeed.GetAsync();

        Assert.Empty(feed.Pack.Warnings);
    }

    [Fact]
    public void The_readme_install_section_packs_into_the_feed_it_configures_and_adds_packages_that_exist()
    {
        var install = Readme.Section("Install");

        Assert.Contains(LocalFeed.PackCommand, install, StringComparison.Ordinal);
        var config = XDocument.Parse(Readme.CodeBlocks(install, "xml").Single());
        Assert.Contains(
            config.Descendants("packageSources").Elements("add"),
            source => ((string?)source.Attribute("value"))?.EndsWith("/artifacts/packages", StringComparison.Ordinal) == true);
        var added = Readme.AddedPackages(install);
        Assert.NotEmpty(added);
        Assert.All(added, id => Assert.Contains(id, Packages));
        Assert.All(Packages, id => Assert.Contains($"`{id}`", install, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files(LocalFeed feed, string pattern) =>
        Directory.GetFiles(feed.Directory, pattern).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal);

    private static XElement Nuspec(ZipArchive archive, string id)
    {
        using var stream = archive.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
        ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>: {metadata}");

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;
}
