using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The gates that let a rule register nothing at all on a compilation where it has nothing to find (issue 18: "a rule
/// with nothing to find costs next to nothing"): counted by the analyzer driver's telemetry, so a missing gate
/// fails here, and each gate is shown to open where the rule does have something to find.
/// </summary>
public sealed class RuleGateTests
{
    /// <summary>Mariachi.Abstractions referenced, never named; its own CallAsync, Register and environment look-alikes.</summary>
    private const string NamesNothing = """
        using System;
        using System.Threading.Tasks;
        namespace Shop;
        sealed class Bus
        {
            public Task<int> CallAsync(string name, int input) => Task.FromResult(input);
            public void Register(string name, Func<int, int> handler) { }
        }
        static class Use
        {
            // Reads the environment through its settings class instead (a comment is no identifier).
            static async Task<int> Run(Bus bus)
            {
                bus.Register("orders.create", x => x);
                return await bus.CallAsync("orders.craete", 1) + Environment.ProcessorCount;
            }
        }
        """;

    private const string CallsMariachi = """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        namespace Shop;
        static class Api
        {
            static void Map(ICommunication c) => c.Register<int, int>("orders.create", (ctx, x) => Task.FromResult(x));
            static async Task<int> Run(ICommunication c, Context ctx) => await c.CallAsync<int>("orders.craete", ctx, 1);
        }
        """;

    public static TheoryData<string> CatalogCallRules => new() { "MAR0012", "MAR0013" };

    [Theory]
    [MemberData(nameof(CatalogCallRules))]
    public async Task A_catalog_call_rule_registers_nothing_where_no_code_names_Mariachi(string rule)
    {
        var (actions, _) = await RunAsync(Analyzer(rule), NamesNothing);

        Assert.Equal(0, actions);
    }

    [Theory]
    [MemberData(nameof(CatalogCallRules))]
    public async Task A_catalog_call_rule_runs_where_code_names_Mariachi(string rule)
    {
        var (actions, _) = await RunAsync(Analyzer(rule), NamesNothing, CallsMariachi);

        Assert.True(actions > 0);
    }

    [Fact]
    public async Task MAR0012_still_reports_once_the_gate_is_open()
    {
        var (_, diagnostics) = await RunAsync(new UnknownProcedureAnalyzer(), CallsMariachi);

        Assert.Equal("MAR0012", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task MAR0002_registers_nothing_where_no_tree_spells_an_environment_read()
    {
        var (actions, diagnostics) = await RunAsync(new EnvironmentReadOutsideConfigAnalyzer(), NamesNothing);

        Assert.Equal(0, actions);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("""static class Settings { static string? Url() => System.Environment.GetEnvironmentVariable("URL"); }""")]
    [InlineData("""static class Settings { static string? Url() => System.Environment.GetEnvironment\u0056ariable("URL"); }""")]
    [InlineData("""using static System.Environment; static class Settings { static string Path(string p) => ExpandEnvironment\u0056ariables(p); }""")]
    public async Task MAR0002_reports_a_read_however_its_name_is_spelt(string source)
    {
        var (actions, diagnostics) = await RunAsync(new EnvironmentReadOutsideConfigAnalyzer(), NamesNothing, source);

        Assert.True(actions > 0);
        Assert.Equal("MAR0002", Assert.Single(diagnostics).Id);
    }

    private const string ReadsTheEnvironment = """static class Settings { static string? Url() => System.Environment.GetEnvironmentVariable("URL"); }""";

    [Fact]
    public async Task MAR0002_registers_nothing_in_a_test_project_that_does_not_include_test_projects()
    {
        var (actions, diagnostics) = await RunAsync(new EnvironmentReadOutsideConfigAnalyzer(), null, [TestFramework], NamesNothing, ReadsTheEnvironment);

        Assert.Equal(0, actions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task MAR0002_runs_in_a_test_project_that_includes_test_projects()
    {
        var options = new GlobalOnly(new() { ["mariachi.include_test_projects"] = "true" });
        var (actions, diagnostics) = await RunAsync(new EnvironmentReadOutsideConfigAnalyzer(), options, [TestFramework], NamesNothing, ReadsTheEnvironment);

        Assert.True(actions > 0);
        Assert.Equal("MAR0002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void The_text_gate_ignores_escapes_outside_identifiers()
    {
        var gate = new Mariachi.Analyzers.Core.TextMentions("EnvironmentVariable");
        var strings = CSharpSyntaxTree.ParseText("""class C { string S = "\u0056ariable"; string T = @"\u"; }""");
        var identifier = CSharpSyntaxTree.ParseText("""class C { void GetEnvironment\u0056ariable() { } }""");

        Assert.False(gate.InTree(strings, CancellationToken.None));
        Assert.True(gate.InTree(identifier, CancellationToken.None));
    }

    [Fact]
    public async Task MAR0900_registers_nothing_where_every_option_is_valid()
    {
        var (actions, diagnostics) = await RunAsync(new InvalidOptionAnalyzer(), new GlobalOnly(new() { ["mariachi.include_test_projects"] = "true" }), NamesNothing, CallsMariachi);

        Assert.Equal(0, actions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task MAR0900_still_reports_an_invalid_option_once()
    {
        var (actions, diagnostics) = await RunAsync(new InvalidOptionAnalyzer(), new GlobalOnly(new() { ["mariachi.servise_suffixes"] = "Service" }), NamesNothing, CallsMariachi);

        Assert.True(actions > 0);
        Assert.Equal("MAR0900", Assert.Single(diagnostics).Id);
    }

    /// <summary>An entity and a service whose written types name an adapter (MAR0010 reports the field).</summary>
    private const string HoldsAdapter = """
        using Mariachi.Adapters.InMemory.Data;
        namespace Shop;
        public sealed class Order : Mariachi.Data.IEntity { public System.Guid Id { get; set; } }
        public sealed class Archive
        {
            private readonly InMemoryRepository<Order> _orders = null!;
            public void Keep(InMemoryRepository<Order> orders) { }
        }
        """;

    /// <summary>Fields, properties, parameters, locals, lambdas and local functions that name no adapter.</summary>
    private const string NamesNoAdapter = """
        using System;
        using System.Collections.Generic;
        namespace Shop;
        public sealed class Ledger
        {
            // InMemoryRepository is mentioned in a comment only, and in "InMemoryRepository".
            private readonly List<Order> _orders = new();
            public string Name { get; set; } = "InMemoryRepository";
            public int Count(Func<Order, bool> filter)
            {
                var total = 0;
                int Add(int x) => total += x;
                foreach (var order in _orders) { if (filter(order)) { Add(1); } }
                return total;
            }
        }
        """;

    [Fact]
    public async Task MAR0010_looks_only_at_the_declarations_of_trees_that_spell_an_adapter()
    {
        var trees = new System.Collections.Concurrent.ConcurrentBag<string>();
        var analyzer = new AdapterUsedDirectlyAnalyzer(tree => trees.Add(tree.FilePath));

        var (_, diagnostics) = await RunAsync(analyzer, null, [TestReferences.InMemoryAdapters], HoldsAdapter, NamesNoAdapter);

        Assert.Equal(new[] { "/0/Test0.cs" }, trees.Distinct());
        Assert.Equal(new[] { "MAR0010", "MAR0010" }, diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("""namespace Shop; static class Keeper { static void Run(Archive a) => a.Keep({|new()|}); }""")]
    [InlineData("""namespace Shop; static class Keeper { static void Run() { {|Repo|} r = null!; } }""")]
    [InlineData("""namespace Shop; static class Keeper { static void Run() { {|Mariachi.Adapters.InMemory.Data.InMemory\u0052epository<Order>|} r = null!; } }""")]
    public async Task MAR0010_still_reports_an_adapter_its_tree_does_not_spell(string source)
    {
        const string Alias = "global using Repo = Mariachi.Adapters.InMemory.Data.InMemoryRepository<Shop.Order>;";
        var start = source.IndexOf("{|", StringComparison.Ordinal);
        var end = source.IndexOf("|}", StringComparison.Ordinal);
        var code = source.Remove(end, 2).Remove(start, 2);

        var (_, diagnostics) = await RunAsync(new AdapterUsedDirectlyAnalyzer(), null, [TestReferences.InMemoryAdapters], Alias + Environment.NewLine + HoldsAdapter, code);

        var found = Assert.Single(diagnostics, d => d.Location.SourceTree?.FilePath == "/0/Test1.cs");
        Assert.Equal("MAR0010", found.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(start, end - start - 2), found.Location.SourceSpan);
    }

    private static DiagnosticAnalyzer Analyzer(string rule) => rule switch
    {
        "MAR0012" => new UnknownProcedureAnalyzer(),
        "MAR0013" => new CallDoesNotMatchRegistrationAnalyzer(),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>The actions the analyzer registered past its compilation start (any kind), and what it reported.</summary>
    private static Task<(int Actions, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(DiagnosticAnalyzer analyzer, params string[] sources) =>
        RunAsync(analyzer, null, [], sources);

    private static Task<(int Actions, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(DiagnosticAnalyzer analyzer, AnalyzerConfigOptionsProvider? options, params string[] sources) =>
        RunAsync(analyzer, options, [], sources);

    /// <summary>xunit's core assembly: by its name the compilation is a test project.</summary>
    private static MetadataReference TestFramework => MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);

    private static async Task<(int Actions, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(DiagnosticAnalyzer analyzer, AnalyzerConfigOptionsProvider? options, MetadataReference[] extra, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Shop.Gate",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/0/Test{i}.cs")),
            [.. TestReferences.NetCore, .. TestReferences.Mariachi, .. extra],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var withAnalyzers = compilation.WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(options is null ? new AnalyzerOptions([]) : new AnalyzerOptions([], options), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        var actions = telemetry.OperationActionsCount + telemetry.OperationBlockActionsCount + telemetry.OperationBlockStartActionsCount
            + telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount + telemetry.SymbolActionsCount + telemetry.CompilationEndActionsCount;
        return (actions, diagnostics);
    }

    /// <summary>The same options for every file, from a .globalconfig.</summary>
    private sealed class GlobalOnly(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
