using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// The consumer of Consumer.Mixed/: for every rule with a fix, occurrences that have no fix come before ones that do,
/// in file order and within files. Lines that must stay reported end in <c>// stays: MARxxxx</c>.
/// </summary>
public sealed class MixedConsumer() : PackagedConsumer("Consumer.Mixed");

/// <summary>
/// <c>dotnet format analyzers</c> takes the code action of the FIRST diagnostic of an id and applies its FixAll to
/// all of them; an unfixable first occurrence must not make it fix nothing.
/// </summary>
public sealed partial class MixedFixesEndToEndTests(MixedConsumer consumer) : IClassFixture<MixedConsumer>
{
    [Fact]
    public async Task One_format_run_fixes_every_fixable_occurrence_and_the_others_stay_reported()
    {
        var directory = consumer.NewCopy();

        var format = await DotNet.RunAsync(directory, "format", "analyzers", "--diagnostics", "MAR0001", "MAR0002", "MAR0003", "MAR0005", "--severity", "warn", "--no-restore");
        var build = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.True(build.ExitCode == 0, build.ToString());
        var sources = Sources(consumer.Template).ToList();
        Assert.Subset(sources.ToHashSet(), Fixes.Select(f => f.File).ToHashSet());
        foreach (var source in sources)
        {
            var expected = await File.ReadAllTextAsync(Path.Combine(consumer.Template, source));
            foreach (var (_, before, after) in Fixes.Where(f => f.File == source))
            {
                Assert.Contains(before, expected, StringComparison.Ordinal);
                expected = expected.Replace(before, after, StringComparison.Ordinal);
            }

            Assert.Equal(expected, await File.ReadAllTextAsync(Path.Combine(directory, source)));
        }

        Assert.Equal(Marked(consumer.Template), Reported(build.Output, directory));
    }

    /// <summary>What dotnet format makes of the fixable occurrences; every other line stays as it is.</summary>
    private static readonly (string File, string Before, string After)[] Fixes =
    [
        ("Api/OrdersController.cs", "public Task<string> Create(Context ctx, string input) => orders.CreateAsync(ctx, input);", """public async Task<string> Create(Context ctx, string input) => await communication.CallAsync<string>("orders.create", ctx, input);"""),
        ("Api/OrdersController.cs", """Environment.GetEnvironmentVariable("Orders__Currency")""", """configuration["Orders:Currency"]"""),
        ("Api/OrdersController.cs", "Relay(Context ctx, string value) => Store.Save(null!, value)", "Relay(Context ctx, string value) => Store.Save(ctx, value)"),
        ("Api/OrdersController.cs", "Store.Save(Context.Create(), value)", "Store.Save(ctx, value)"),
        ("Jobs/Nightly.cs", """Environment.GetEnvironmentVariable("NIGHTLY_SCHEDULE")""", """_configuration["NIGHTLY_SCHEDULE"]"""),
        ("Jobs/Nightly.cs", "Run(Context ctx, string value) => Store.Save(default!, value)", "Run(Context ctx, string value) => Store.Save(ctx, value)"),
        ("Jobs/Nightly.cs", """Store.Save(Context.Create(tenantId: "acme"), value)""", "Store.Save(ctx, value)"),
    ];

    /// <summary>The consumer's C# sources, relative to <paramref name="directory"/> with '/' (restored packages and obj left out).</summary>
    private static IEnumerable<string> Sources(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("packages/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>"file:line id" for each <c>// stays: MARxxxx</c> marker.</summary>
    private static SortedSet<string> Marked(string directory)
    {
        var marked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in Sources(directory))
        {
            var lines = File.ReadAllLines(Path.Combine(directory, source));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in StaysPattern().Matches(lines[i]))
                {
                    marked.Add(Key(source, i + 1, match.Groups["id"].Value));
                }
            }
        }

        return marked;
    }

    /// <summary>"file:line id" for each MAR warning of a build (the summary repeats them; a set keeps one).</summary>
    private static SortedSet<string> Reported(string output, string directory) =>
        new(
            WarningPattern().Matches(output).Select(m => Key(
                Path.GetRelativePath(directory, m.Groups["path"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["id"].Value)),
            StringComparer.Ordinal);

    private static string Key(string source, int line, string id) => $"{source.Replace('\\', '/')}:{line} {id}";

    [GeneratedRegex(@"// stays: (?<id>MAR\d{4})")]
    private static partial Regex StaysPattern();

    [GeneratedRegex(@"(?<path>[^\s]+\.cs)\((?<line>\d+),\d+\): warning (?<id>MAR\d{4}):")]
    private static partial Regex WarningPattern();
}
