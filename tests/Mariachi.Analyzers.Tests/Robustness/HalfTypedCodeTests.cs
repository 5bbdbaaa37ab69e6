using Mariachi.Analyzers.Tests.Infrastructure;

namespace Mariachi.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer runs over half-typed code (unclosed calls, missing types, unfinished lambdas, broken
/// declarations) and must never throw: an exception would surface to users as AD0001.
/// </summary>
public sealed class HalfTypedCodeTests
{
    private const string Prelude = """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;

        """;

    public static TheoryData<string> HalfTypedCode => new()
    {
        "class OrdersController : ControllerBase { IOrderService _s; void M(Context ctx) { _s.Create(ctx, ",
        "class OrdersController { void M(Context ctx) { Environment.GetEnvironmentVariable( } }",
        "class S { void M(Context ctx) { Save(null, } void Save(Context c, int x) {} }",
        "class S { void M(Context ctx) { var c = Context.Create(; } }",
        "class S { void M(ICommunication c) { c.Register<int, int>(\"orders.create\", (ctx, x) => ); c.Register<int,int>(\"orders.create\", } }",
        "class S { void M(ICommunication c) { c.Register(new Procedure<int, int>(), null); c.Register(, ); } }",
        "class S { void M(Context ctx) { Func<Context, Task> f = async c => await Missing.Call(c, ; } }",
        "class S { void M(Context ctx) { Action a = static () => Context.Create(",
        "class OrdersController : UnknownBase { public UnknownService Svc { get; } void M() => Svc.Do(); }",
        "class S { const string N = \"orders.\" + ; void M(ICommunication c) { c.Register<int, int>(N, (x, y) => Task.FromResult(1)); } }",
        "static class P { static void Main() { var app = WebApplication.Create(); app.MapGet(\"/\", (IFooService s) => s. ); } }",
        "class C { Context ctx; void M() { this.Do(default, ctx.; } void Do(Context c, int x) {} void Do(int x) {} }",
        "class C : IConfiguration { }",
        "namespace A.Config { class X { string? V = Environment.GetEnvironmentVariable(nameof()); } }",
        "class C { void M(IConfiguration configuration) { var x = Environment.GetEnvironmentVariable }",
        "record R(Context Ctx) { void M() => Helper(); static void Helper(Context? c = null) {} }",
        "class C { void M(Context ctx) { switch (1) { case 1: M(; case } } }",
        "class C<T> where T : { void M(Context ctx) => M(default); }",
        "#error incomplete\nclass C { void M(Context ctx) { M(default!); }",
        "}}}{{{ class ( Context ctx ) => ;",
        "class OrderService { public Task CreateAsync(string x, Context",
        "class OrderService { public async Task<int> CountAsync(int a, Context ctx = ) { await ",
        "interface IOrderService { Task ArchiveAsync(int id, Context ctx); } class OrderService : IOrderService { public Task ArchiveAsync(int id, Context ctx) => ArchiveAsync(1, ",
        "class OrderService : Missing { public override Task RunAsync(Context ctx, ) => base.RunAsync(",
        "class OrderService { public Task<Unknown> FindAsync(Unknown id, Context) => Find(",
        "partial class OrderService { public partial Task SaveAsync(string x); public Task M(Context c) => SaveAsync(",
        "class S { async Task M(ICommunication c, Context ctx) { await c.CallAsync<int>(\"orders.craete\", ctx, ); c.Register<int, int>(\"orders.create\", null); } }",
        "class S { static readonly Procedure<int, Missing> P = new(\"a.b\"); async Task M(ICommunication c, Context ctx) { await c.CallAsync(P, ctx, \"x\"); c.Register(P, ; } }",
        "class S { const string N = \"Orders.\" + Missing; void M(ICommunication c, Mariachi.Events.IEventBus b, Context ctx) { c.Register<int, int>(N, ); b.PublishAsync(ctx, \"Orders.Order\", ); c.CallAsync<int>(\"orders\" } }",
        "class S { static readonly Procedure<int, int> P = new(\"Orders/Create\" ; Procedure<int, int> Q = new Procedure<int, int>(; void M(Mariachi.Events.IEventBus b) => b.SubscribeAsync<int>(\"A B C\", (ctx, x) => ",
    };

    [Theory]
    [MemberData(nameof(HalfTypedCode))]
    public void The_catalog_generator_never_throws_on_half_typed_code(string code)
    {
        var compilation = CatalogCompilations.Create("HalfTyped", [Prelude.Replace("using Microsoft.AspNetCore.Mvc;", string.Empty, StringComparison.Ordinal).Replace("using Microsoft.AspNetCore.Builder;", string.Empty, StringComparison.Ordinal) + code]);

        var result = CatalogCompilations.Driver().RunGenerators(compilation).GetRunResult();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
    }

    [Theory]
    [MemberData(nameof(HalfTypedCode))]
    public async Task No_analyzer_throws_on_half_typed_code(string code)
    {
        var exceptions = await RunAllAnalyzersAsync(Prelude + code);

        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task No_analyzer_throws_without_any_references()
    {
        var exceptions = await RunAllAnalyzersAsync(Prelude + "class OrdersController { void M(Context ctx) { Environment.GetEnvironmentVariable(\"X\"); Context.Create(); } }", references: false);

        Assert.Empty(exceptions);
    }

    private static Task<IReadOnlyList<string>> RunAllAnalyzersAsync(string code, bool references = true) =>
        AllAnalyzers.ExceptionsAsync(AllAnalyzers.EmptyCompilation(references).AddSyntaxTrees(AllAnalyzers.Parse(code)));
}
