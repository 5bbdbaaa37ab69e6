using System.Net.Http.Json;
using System.Text;

namespace Mariachi.Analyzers.Package.Tests.Templates;

/// <summary>
/// Mariachi.Templates installed from the packed feed into a template cache of its own (<c>--debug:custom-hive</c>),
/// and three apps made with it in a scratch folder, built once together:
/// <list type="bullet">
/// <item><c>Shop</c>: the default options, then every item template run in it as its README says.</item>
/// <item><c>Market</c>: <c>--transport nats --minimal-api</c>, with a procedure added without an endpoint.</item>
/// <item><c>Depot</c>: <c>--database postgres</c> (only the database settings and the test factory differ).</item>
/// </list>
/// Restores share one package folder; Mariachi comes from the feed, everything else from the machine's cache.
/// </summary>
public sealed class GeneratedApps : IAsyncLifetime
{
    public const string SectionTitle = "Start a new app";

    /// <summary>How long one dotnet command of these tests may take: a build of the three apps on a busy CI machine.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    /// <summary>The test collection that shares one instance of the apps.</summary>
    public const string Collection = "Generated apps";

    private readonly ScratchFolder _scratch = new("mariachi-templates-");

    public string Root => _scratch.Root;

    public string Shop => Path.Combine(Root, "Shop");

    public string Market => Path.Combine(Root, "Market");

    public string Depot => Path.Combine(Root, "Depot");

    /// <summary>The variables every dotnet call of these tests runs with: the shared package folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>What instantiating the templates printed, in order.</summary>
    public string Instantiation { get; private set; } = string.Empty;

    /// <summary>The one build of the three apps, with warnings as errors.</summary>
    internal DotNet.Result Build { get; private set; } = new(-1, "not built");

    public async Task InitializeAsync()
    {
        var feed = await LocalFeed.GetAsync();
        Directory.CreateDirectory(Root);
        feed.WriteNuGetConfig(Root);
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

        // The README's commands, as written but for the package's path and version.
        var blocks = Readme.CodeBlocks(Readme.Section(SectionTitle), "bash");
        var start = Commands(blocks[0]);
        Assert.Equal(2, start.Count);
        Assert.Matches(@"^dotnet new install artifacts/packages/Mariachi\.Templates\.[0-9.]+\.nupkg$", start[0]);
        Assert.Equal("dotnet new mariachi -n Shop && cd Shop && dotnet test", start[1]);
        var log = new StringBuilder();
        await NewAsync(log, Root, "install", Path.Combine(feed.Directory, $"Mariachi.Templates.{feed.Version}.nupkg"));
        await NewAsync(log, Root, NewArguments(start[1].Split("&&")[0]));

        // From the app's folder, as a shell runs them (the shell's PWD names the app), then a name with a dash.
        foreach (var item in Commands(blocks[1]).Append("dotnet new mariachi-procedure -n billing.charge-card"))
        {
            await NewAsync(log, Shop, NewArguments(item));
        }

        await NewAsync(log, Root, "mariachi", "-n", "Market", "--transport", "nats", "--minimal-api");
        await NewAsync(log, Market, "mariachi-procedure", "-n", "orders.cancel", "--api", "none", "--app", "Market");
        await NewAsync(log, Root, "mariachi", "-n", "Depot", "--database", "postgres");
        Instantiation = log.ToString();

        // One build for the three: one restore, one MSBuild session.
        var projects = Directory.GetFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(Path.Combine(Root, "packages"), StringComparison.Ordinal))
            .Select(p => $"  <Project Path=\"{Path.GetRelativePath(Root, p)}\" />");
        await File.WriteAllTextAsync(Path.Combine(Root, "All.slnx"), $"<Solution>\n{string.Join('\n', projects)}\n</Solution>\n");
        Build = await DotNet.RunAsync(Root, Environment, Limit, "build", "All.slnx", "-warnaserror");
    }

    public Task DisposeAsync()
    {
        _scratch.Delete();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet new</c> in <paramref name="directory"/> against the test's template cache.</summary>
    internal Task<DotNet.Result> NewAsync(string directory, params string[] arguments) =>
        NewAsync(directory, new Dictionary<string, string>(), arguments);

    /// <summary>As above, with <paramref name="environment"/> over the shell's (PWD: the directory).</summary>
    internal Task<DotNet.Result> NewAsync(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string>(Environment) { ["PWD"] = directory };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return DotNet.RunAsync(directory, variables, Limit, ["new", .. arguments, "--debug:custom-hive", Path.Combine(Root, "hive")]);
    }

    private async Task NewAsync(StringBuilder log, string directory, params string[] arguments)
    {
        var result = await NewAsync(directory, arguments);
        log.AppendLine($"$ dotnet new {string.Join(' ', arguments)}").AppendLine(result.Output);
        Assert.True(result.ExitCode == 0, $"dotnet new {string.Join(' ', arguments)} in {directory}: {result}");
    }

    /// <summary>True in CI, where a test that needs a server fails without one instead of passing on.</summary>
    internal static bool IsCi => System.Environment.GetEnvironmentVariable("CI") is "true" or "True" or "1";

    /// <summary>A request of the tenant acme, with <paramref name="body"/> as JSON.</summary>
    internal static HttpRequestMessage AsTenant(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Tenant-Id", "acme");
        return request;
    }

    /// <summary>The lines of a code block, without their comments.</summary>
    internal static IReadOnlyList<string> Commands(string block) =>
        block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('#')[0].Trim()).ToList();

    /// <summary>The arguments of a <c>dotnet new</c> command, after <c>new</c>.</summary>
    private static string[] NewArguments(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dotnet", "new"], words[..2]);
        return words[2..];
    }

}

/// <summary>Every test class of the templates shares one <see cref="GeneratedApps"/>: one instantiation, one build.</summary>
[CollectionDefinition(GeneratedApps.Collection)]
public sealed class GeneratedAppsCollection : ICollectionFixture<GeneratedApps>;
