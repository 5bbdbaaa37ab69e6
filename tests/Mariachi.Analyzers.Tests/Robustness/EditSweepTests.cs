using System.Collections.Concurrent;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Robustness;

/// <summary>
/// The states code passes through while someone types or edits it, generated from one realistic file that gives every
/// rule something to look at: the file cut after each token (typing it from the top) and the file without each token
/// (one piece deleted). No analyzer may throw on any of them.
/// </summary>
public sealed class EditSweepTests
{
    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Configuration;
        using Ctx = Mariachi.Context;

        namespace Shop.Orders
        {
            public sealed record CreateOrder(string Customer, decimal Total);
            public sealed record OrderCreated(Guid Id);

            public static class OrderProcedures
            {
                public static readonly Procedure<CreateOrder, OrderCreated> Create = new("orders.create");
                public const string Count = "orders." + "count";
            }

            public interface IOrderService { Task<OrderCreated> CreateAsync(Context ctx, CreateOrder input, CancellationToken ct); }

            public class OrderService(IConfiguration configuration) : IOrderService
            {
                private readonly string? _region = Environment.GetEnvironmentVariable("REGION");

                public Task<OrderCreated> CreateAsync(Context ctx, CreateOrder input, CancellationToken ct)
                {
                    Audit(input.Customer);
                    Audit(null, input.Customer);
                    Publish("created");
                    var child = Context.Create();
                    foreach (var each in new[] { ctx, child }) { Audit(input.Customer); }
                    Func<Ctx, Task> later = static inner => Task.CompletedTask;
                    void Local(Context scoped) => Audit(scoped, configuration["x"] ?? _region ?? "");
                    Local(default!);
                    var size = input.Total switch { > 100 => new Box<Context>(ctx), _ => new Box<Context>(null!) };
                    return Task.FromResult(new OrderCreated(Guid.NewGuid()));
                }

                public Task ArchiveAsync(Guid id, Context ctx) => Task.CompletedTask;

                public void Audit(string what) { }
                public void Audit(Context? ctx, string what) { }
                public void Publish(string name, Context? ctx = null) { }
            }

            public sealed class Box<T>(T value) { public T Value { get; } = value; }

            public static class OrderServiceExtensions
            {
                public static void Track(this IOrderService service, string what) { }
                public static void Track(this IOrderService service, Context ctx, string what) { }
            }

            [ApiController]
            [Route("orders")]
            public class OrdersController(ICommunication communication, OrderService service) : ControllerBase
            {
                private readonly IOrderService _direct = service;

                [HttpPost]
                public async Task<IActionResult> Create([FromBody] CreateOrder input, CancellationToken ct)
                {
                    var ctx = Context.Create(userId: User.Identity?.Name);
                    _direct.Track("create");
                    var created = await communication.CallAsync(OrderProcedures.Create, ctx, input, ct);
                    return Ok(created);
                }
            }

            public sealed class OrdersModule
            {
                public void Register(ICommunication communication, OrderService service)
                {
                    communication.Register(OrderProcedures.Create, (ctx, input, ct) => service.CreateAsync(ctx, input, ct));
                    communication.Register<CreateOrder, OrderCreated>("orders.create", (ctx, input) => service.CreateAsync(ctx, input, CancellationToken.None));
                    communication.Register<int, int>(OrderProcedures.Count, (ctx, n) => Task.FromResult(n));
                }
            }

            public sealed class OrdersOptions
            {
                public string Url { get; init; } = Environment.GetEnvironmentVariable("ORDERS_URL") ?? "";
            }

            public class Base(Context ctx) { protected Context Flow { get; } = ctx; }

            public class Derived : Base { public Derived(Context ctx) : base(null!) { } }

            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/orders", async (Context ctx, ICommunication c, CreateOrder input) => await c.CallAsync(OrderProcedures.Create, ctx, input));
            }
        }
        """;

    /// <summary>The sweeps are only as good as their source: it compiles, and each rule finds something in it.</summary>
    [Fact]
    public async Task The_source_compiles_and_every_rule_reports_in_it()
    {
        var (diagnostics, exceptions) = await AllAnalyzers.AnalyzeAsync(AllAnalyzers.EmptyCompilation().AddSyntaxTrees(AllAnalyzers.Parse(Source)));

        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(exceptions);
        Assert.Equal(["MAR0001", "MAR0002", "MAR0003", "MAR0004", "MAR0005", "MAR0008"], diagnostics.Select(d => d.Id).Where(id => id.StartsWith("MAR", StringComparison.Ordinal)).Distinct().Order());
    }

    [Fact]
    public async Task No_analyzer_throws_on_the_file_cut_after_any_token() =>
        await AssertNoAnalyzerThrows(Tokens().Select(token => (Where("cut after", token), Source[..token.Span.End])));

    [Fact]
    public async Task No_analyzer_throws_on_the_file_without_any_one_token() =>
        await AssertNoAnalyzerThrows(Deletions());

    [Fact]
    public async Task No_code_fix_throws_on_the_file_without_any_one_token()
    {
        var document = AllCodeFixes.CreateDocument(Source);

        var (_, applied, failures) = await Sweep(Deletions(), text => AllCodeFixes.ApplyAllAsync(document.WithText(SourceText.From(text))));

        // Every variant keeps most of the file's findings, each with a fix or two.
        Assert.True(applied > 5000, $"only {applied} fixes applied");
        Assert.True(failures.IsEmpty, failures.IsEmpty ? null : $"{failures.Count} fixes threw; one:\n{failures.First()}");
    }

    private static async Task AssertNoAnalyzerThrows(IEnumerable<(string Edit, string Text)> variants)
    {
        var empty = AllAnalyzers.EmptyCompilation();

        var (count, _, failures) = await Sweep(variants, async text =>
            (await AllAnalyzers.ExceptionsAsync(empty.AddSyntaxTrees(AllAnalyzers.Parse(text)), concurrentAnalysis: false), 0));

        Assert.True(count > 500, $"only {count} variants");
        Assert.True(failures.IsEmpty, failures.IsEmpty ? null : $"analyzers threw {failures.Count} times over {count} variants; one:\n{failures.First()}");
    }

    /// <summary>Runs <paramref name="check"/> on every variant in parallel: how many, the work it reports in all, and each exception with its edit.</summary>
    private static async Task<(int Count, int Work, ConcurrentBag<string> Failures)> Sweep(
        IEnumerable<(string Edit, string Text)> variants,
        Func<string, Task<(IReadOnlyList<string> Exceptions, int Work)>> check)
    {
        var failures = new ConcurrentBag<string>();
        var count = 0;
        var work = 0;
        await Parallel.ForEachAsync(variants, async (variant, _) =>
        {
            var (exceptions, done) = await check(variant.Text);
            Interlocked.Increment(ref count);
            Interlocked.Add(ref work, done);
            foreach (var exception in exceptions)
            {
                failures.Add($"{variant.Edit}: {exception}");
            }
        });

        return (count, work, failures);
    }

    private static IEnumerable<(string Edit, string Text)> Deletions() =>
        Tokens().Select(token => (Where("without", token), Source.Remove(token.SpanStart, token.Span.Length)));

    private static string Where(string edit, SyntaxToken token) =>
        $"{edit} '{token.Text}' on line {token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    private static IEnumerable<SyntaxToken> Tokens() =>
        AllAnalyzers.Parse(Source).GetRoot().DescendantTokens().Where(token => token.Span.Length > 0);
}
