using System.Collections.Immutable;
using Mariachi.Analyzers.Catalog;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Catalog;

/// <summary>
/// The compilation's own catalog read from the catalog generator's file (what a build and the IDE analyze) gives the
/// rules the same findings as the scan of the code they fall back to without it.
/// </summary>
public sealed class GeneratedCatalogTests
{
    private const string Services = """
        namespace Shop;
        public class CreateOrder { public string Customer { get; set; } = ""; }
        public sealed record Order(Guid Id);

        public static class Procedures
        {
            public static readonly Procedure<CreateOrder, Order> Create = new("orders.create");
        }

        static class Module
        {
            public static void Map(ICommunication c)
            {
                c.Register(Procedures.Create, (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                c.Register<Guid, Order?>("orders.get", (ctx, id) => Task.FromResult<Order?>(new Order(id)));
                c.Register("orders.count", (Context ctx, CreateOrder input) => Task.FromResult(input.Customer.Length));
            }
        }
        """;

    private const string Api = """
        namespace Shop;
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<Order>("orders.create", ctx, "Ana");
                await c.CallAsync<string>("orders.get", ctx, Guid.NewGuid());
                await c.CallAsync<int>("orders.count", ctx, 42);
                await c.CallAsync<int>("orders.cuont", ctx, new CreateOrder());
                await c.CallAsync(Procedures.Create, ctx, new CreateOrder());
            }
        }
        """;

    private const string PrivateType = """
        namespace Shop;
        class Hidden
        {
            private sealed record Secret(int Value);

            public static void Map(ICommunication c) => c.Register<Secret, int>("orders.secret", (ctx, s) => Task.FromResult(s.Value));

            async Task Run(ICommunication c, Context ctx) => await c.CallAsync<int>("orders.secret", ctx, "not a secret");
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Rules =
    [
        new UnknownProcedureAnalyzer(),
        new CallDoesNotMatchRegistrationAnalyzer(),
        new DuplicateProcedureNameAnalyzer(),
        new DuplicateProcedureNameInMemberAnalyzer(),
    ];

    private static async Task<List<string>> FindingsAsync(Compilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers(Rules).GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task The_generator_s_file_gives_the_findings_the_scan_gives()
    {
        var plain = CatalogCompilations.Create("Shop.Services", [Services, Api]);
        var generated = CatalogCompilations.Generate(plain, out _);

        Assert.Null(GeneratedCatalog.Read(KnownSymbols.Create(plain), CancellationToken.None));
        Assert.Equal(
            ["orders.count", "orders.create", "orders.get"],
            GeneratedCatalog.Read(KnownSymbols.Create(generated), CancellationToken.None)!.Select(r => r.Name).Order(StringComparer.Ordinal));
        var scanned = await FindingsAsync(plain);
        Assert.Equal(4, scanned.Count);
        Assert.Equal(["MAR0012", "MAR0013", "MAR0013", "MAR0013"], scanned.Select(f => f[..7]).Order(StringComparer.Ordinal));
        Assert.Equal(scanned, await FindingsAsync(generated));
    }

    [Fact]
    public void The_own_catalog_is_read_from_the_generator_s_file_when_the_compilation_has_it()
    {
        var plain = CatalogCompilations.Create("Shop.Services", [Services]);
        // A file at the generator's path that disagrees with the code: the catalog follows the file.
        var file = CSharpSyntaxTree.ParseText(
            "[assembly: global::Mariachi.Communication.ProcedureCatalogEntryAttribute(\"orders.ghost\", typeof(int), typeof(string))]",
            CatalogCompilations.ParseOptions,
            path: $"Mariachi.Analyzers/{typeof(ProcedureCatalogGenerator).FullName}/{ProcedureCatalogGenerator.HintName}");
        var withFile = plain.AddSyntaxTrees(file);
        var elsewhere = plain.AddSyntaxTrees(file.WithFilePath("/Shop.Services/" + ProcedureCatalogGenerator.HintName));

        var fromFile = ProcedureCatalog.Get(KnownSymbols.Create(withFile), CancellationToken.None);
        Assert.Equal(["orders.ghost"], fromFile.Names);
        Assert.Equal("int", Assert.Single(fromFile.Find("orders.ghost")).Input?.ToDisplayString());
        Assert.Equal(
            ["orders.count", "orders.create", "orders.get"],
            ProcedureCatalog.Get(KnownSymbols.Create(elsewhere), CancellationToken.None).Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_type_written_by_name_makes_the_catalog_scan_the_code_which_sees_the_type()
    {
        var plain = CatalogCompilations.Create("Shop.Services", [PrivateType]);
        var generated = CatalogCompilations.Generate(plain, out var catalog);

        Assert.Contains("\"Shop.Hidden.Secret\"", catalog, StringComparison.Ordinal);
        Assert.Null(GeneratedCatalog.Read(KnownSymbols.Create(generated), CancellationToken.None));
        var findings = await FindingsAsync(generated);
        Assert.StartsWith("MAR0013", Assert.Single(findings), StringComparison.Ordinal);
        Assert.Equal(await FindingsAsync(plain), findings);
    }

    [Fact]
    public async Task A_generator_file_that_lags_behind_the_code_flags_nothing_the_code_clears()
    {
        // The IDE may analyze code the generator has not caught up with: the file has "orders.get" with other types
        // and lacks "orders.count" and "orders.create"; the calls are judged against the code, as without the file.
        var plain = CatalogCompilations.Create("Shop.Services", [Services, Api]);
        var stale = CSharpSyntaxTree.ParseText(
            "[assembly: global::Mariachi.Communication.ProcedureCatalogEntryAttribute(\"orders.get\", typeof(string), typeof(int))]",
            CatalogCompilations.ParseOptions,
            path: $"Mariachi.Analyzers/{typeof(ProcedureCatalogGenerator).FullName}/{ProcedureCatalogGenerator.HintName}");
        var lagging = plain.AddSyntaxTrees(stale);

        Assert.True(ProcedureCatalog.Get(KnownSymbols.Create(lagging), CancellationToken.None).FromGeneratedFile);
        Assert.Equal(await FindingsAsync(plain), await FindingsAsync(lagging));
    }

    [Fact]
    public async Task A_current_generator_file_is_trusted_and_the_code_is_not_scanned()
    {
        var plain = CatalogCompilations.Create("Shop.Services", [Services, Api]);
        var generated = CatalogCompilations.Generate(plain, out var file);
        var symbols = KnownSymbols.Create(generated);
        var catalog = ProcedureCatalog.Get(symbols, CancellationToken.None);

        Assert.Contains(CatalogFingerprint.LinePrefix, file, StringComparison.Ordinal);
        Assert.True(GeneratedCatalog.IsCurrent(generated, CancellationToken.None));
        Assert.Same(catalog, catalog.FromCode(symbols, CancellationToken.None));
        Assert.Equal(await FindingsAsync(plain), await FindingsAsync(generated));
    }

    [Theory]
    [InlineData("\"orders.get\"", "\"orders.fetch\"")]
    [InlineData("new(\"orders.create\")", "new(\"orders.place\")")]
    [InlineData("(Context ctx, CreateOrder input) => Task.FromResult(input.Customer.Length)", "(Context ctx, CreateOrder input) => Task.FromResult(input.Customer)")]
    public async Task A_registration_edited_after_the_generator_ran_makes_its_file_stale(string before, string after)
    {
        // The IDE's balanced mode: the code changed, the generator has not run again.
        var generated = CatalogCompilations.Generate(CatalogCompilations.Create("Shop.Services", [Services, Api]), out _);
        var edited = Edit(generated, before, after);
        var symbols = KnownSymbols.Create(edited);
        var catalog = ProcedureCatalog.Get(symbols, CancellationToken.None);

        Assert.False(GeneratedCatalog.IsCurrent(edited, CancellationToken.None));
        Assert.NotSame(catalog, catalog.FromCode(symbols, CancellationToken.None));

        // A stale file still clears what it lists; whatever it would flag is judged against the code.
        Assert.Subset(
            (await FindingsAsync(Edit(CatalogCompilations.Create("Shop.Services", [Services, Api]), before, after))).ToHashSet(),
            (await FindingsAsync(edited)).ToHashSet());
    }

    [Fact]
    public void An_edit_of_an_explicitly_typed_handler_s_body_or_elsewhere_leaves_the_file_current()
    {
        var generated = CatalogCompilations.Generate(CatalogCompilations.Create("Shop.Services", [Services, Api]), out _);

        var edited = Edit(generated, "Task.FromResult<Order?>(new Order(id))", "Task.FromResult<Order?>(null)");
        edited = Edit(edited, "await c.CallAsync<int>(\"orders.count\", ctx, 42);", "");

        Assert.True(GeneratedCatalog.IsCurrent(edited, CancellationToken.None));
    }

    private static Compilation Edit(Compilation compilation, string before, string after)
    {
        var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains(before, StringComparison.Ordinal));
        var text = tree.GetText();
        var at = text.ToString().IndexOf(before, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(at, before.Length, after)));
    }
}
