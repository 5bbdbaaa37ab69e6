using System.Text.RegularExpressions;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.FixAll;

/// <summary>
/// FixAll over occurrences with and without a fix, for every rule with a fix. An occurrence without a fix comes first,
/// in the first file and in each file: every fixable one is fixed, the others stay reported.
/// </summary>
public sealed partial class MixedOccurrencesTests
{
    public static TheoryData<string> Rules => new(Cases.Keys);

    public static TheoryData<string, FixAllScope> RulesAndScopes
    {
        get
        {
            var data = new TheoryData<string, FixAllScope>();
            foreach (var rule in Cases.Keys)
            {
                data.Add(rule, FixAllScope.Document);
                data.Add(rule, FixAllScope.Project);
                data.Add(rule, FixAllScope.Solution);
            }

            return data;
        }
    }

    /// <summary>The Testing library: each fix alone, and FixAll in document, project and solution.</summary>
    [Theory]
    [MemberData(nameof(Rules))]
    public Task Fixes_and_fix_all_leave_only_the_unfixable_occurrences(string rule) => Cases[rule].VerifyAsync();

    /// <summary>
    /// As <c>dotnet format</c> runs it: FixAll from the first diagnostic, which has no fix. Document scope fixes the
    /// first file only (the first diagnostic is there).
    /// </summary>
    [Theory]
    [MemberData(nameof(RulesAndScopes))]
    public async Task Fix_all_started_from_an_unfixable_first_diagnostic_fixes_every_fixable_one(string rule, FixAllScope scope)
    {
        var test = Cases[rule];

        var (sources, firstHadFix) = await FormatFixAll.ApplyAsync(test.Analyzers, test.Fix, scope, [.. test.Sources.Select(WithoutMarkup)]);

        Assert.False(firstHadFix);
        Assert.Equal(test.Sources.Length, sources.Length);
        for (var i = 0; i < sources.Length; i++)
        {
            var expected = scope == FixAllScope.Document && i > 0 ? test.Sources[i] : test.Fixed[i];
            Assert.Equal(WithoutMarkup(expected), sources[i]);
        }
    }

    private static string WithoutMarkup(string markup) => MarkupPattern().Replace(markup, string.Empty);

    [GeneratedRegex(@"\{\|MAR\d{4}:|\|\}")]
    private static partial Regex MarkupPattern();

    /// <summary>
    /// A rule's sources (markup: its diagnostics) and its fixes, each a text that becomes another wherever it occurs;
    /// what the fixes leave keeps its markup: it stays reported.
    /// </summary>
    private sealed record Case(IEnumerable<DiagnosticAnalyzer> Analyzers, CodeFixProvider Fix, string[] Sources, string[] Fixed, Func<Task> VerifyAsync);

    private static Case For<TAnalyzer, TFix>(string[] sources, params (string Before, string After)[] fixes)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var fixedSources = sources.ToArray();
        foreach (var (before, after) in fixes)
        {
            Assert.Contains(sources, source => source.Contains(before, StringComparison.Ordinal));
            fixedSources = [.. fixedSources.Select(source => source.Replace(before, after, StringComparison.Ordinal))];
        }

        return new(RuleAnalyzers.For<TAnalyzer>(), new TFix(), sources, fixedSources, () =>
        {
            var test = new MariachiCodeFixTest<TAnalyzer, TFix>(sources[0], fixedSources[0]);

            // The fixed sources' markup names the diagnostics that stay (by default it is ignored for fixable ids).
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            for (var i = 1; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
            }

            return test.RunAsync();
        });
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // No fix: a constructor parameter, a call to a method no Register maps, a call with no ICommunication in scope.
        ["MAR0001"] = For<ControllerReferencesServiceAnalyzer, ControllerReferencesServiceCodeFix>(
            [
                """
                using System.Threading.Tasks;
                using Mariachi;
                using Mariachi.Communication;

                public sealed class OrderService
                {
                    public Task<string> CreateAsync(Context ctx, string input) => Task.FromResult(input);
                    public Task<string> TrailAsync(Context ctx, string input) => Task.FromResult(input);
                    public static void Register(ICommunication communication, OrderService service) =>
                        communication.Register<string, string>("orders.create", (c, input) => service.CreateAsync(c, input));
                }

                public sealed class AuditController({|MAR0001:OrderService|} orders, ICommunication communication)
                {
                    public Task<string> Trail(Context ctx, string input) => {|MAR0001:orders.TrailAsync(ctx, input)|};
                    public Task<string> Create(Context ctx, string input) => {|MAR0001:orders.CreateAsync(ctx, input)|};
                }
                """,
                """
                using System.Threading.Tasks;
                using Mariachi;
                using Mariachi.Communication;

                public sealed class OrdersController({|MAR0001:OrderService|} orders)
                {
                    public Task<string> Later(Context ctx, string input) => {|MAR0001:orders.CreateAsync(ctx, input)|};
                    public Task<string> Create(Context ctx, string input, ICommunication communication) => {|MAR0001:orders.CreateAsync(ctx, input)|};
                }
                """,
            ],
            // CallAsync returns a ValueTask: an expression body returning a Task becomes async and awaits it.
            ("""public Task<string> Create(Context ctx, string input) => {|MAR0001:orders.CreateAsync(ctx, input)|}""", """public async Task<string> Create(Context ctx, string input) => await communication.CallAsync<string>("orders.create", ctx, input)"""),
            ("""public Task<string> Create(Context ctx, string input, ICommunication communication) => {|MAR0001:orders.CreateAsync(ctx, input)|}""", """public async Task<string> Create(Context ctx, string input, ICommunication communication) => await communication.CallAsync<string>("orders.create", ctx, input)""")),

        // No fix: no IConfiguration in scope (none at all, or only an instance field seen from static code).
        ["MAR0002"] = For<EnvironmentReadOutsideConfigAnalyzer, EnvironmentReadOutsideConfigCodeFix>(
            [
                """
                using System;
                using Microsoft.Extensions.Configuration;

                class Orders
                {
                    string? Region() => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_REGION")|};
                    string? Currency(IConfiguration configuration) => {|MAR0002:Environment.GetEnvironmentVariable("Orders__Currency")|};
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                class Jobs(IConfiguration configuration)
                {
                    private readonly IConfiguration _configuration = configuration;
                    static string? Folder() => {|MAR0002:Environment.GetEnvironmentVariable("JOBS_FOLDER")|};
                    string? Schedule() => {|MAR0002:Environment.GetEnvironmentVariable("JOBS_SCHEDULE")|};
                }
                """,
            ],
            ("""{|MAR0002:Environment.GetEnvironmentVariable("Orders__Currency")|}""", """configuration["Orders:Currency"]"""),
            ("""{|MAR0002:Environment.GetEnvironmentVariable("JOBS_SCHEDULE")|}""", """_configuration["JOBS_SCHEDULE"]""")),

        // No fix: a static lambda cannot capture the Context.
        ["MAR0003"] = For<ContextNotForwardedAnalyzer, ContextNotForwardedCodeFix>(
            [
                """
                using System;
                using Mariachi;

                class Orders
                {
                    void Later(Context ctx) { Action<string> later = static value => {|MAR0003:Store.Save(null!, value)|}; }
                    void Now(Context ctx, string value) => {|MAR0003:Store.Save(null!, value)|};
                }

                static class Store
                {
                    public static void Save(Context ctx, string value) { }
                    public static void Save(string value) { }
                }
                """,
                """
                using System;
                using Mariachi;

                class Jobs
                {
                    void Later(Context ctx) { Action<string> later = static value => {|MAR0003:Store.Save(value)|}; }
                    void Now(Context ctx, string value) => {|MAR0003:Store.Save(value)|};
                }
                """,
            ],
            ("""string value) => {|MAR0003:Store.Save(null!, value)|}""", """string value) => Store.Save(ctx, value)"""),
            ("""string value) => {|MAR0003:Store.Save(value)|}""", """string value) => Store.Save(ctx, value)""")),

        // No fix: a static lambda cannot capture the Context.
        ["MAR0005"] = For<ContextCreatedMidFlowAnalyzer, ContextCreatedMidFlowCodeFix>(
            [
                """
                using System;
                using Mariachi;

                class Orders
                {
                    Func<Context> Fresh(Context ctx) => static () => {|MAR0005:Context.Create()|};
                    Context Again(Context ctx) => {|MAR0005:Context.Create()|};
                }
                """,
                """
                using System;
                using Mariachi;

                class Jobs
                {
                    Func<Context> Spawn(Context ctx) => static () => {|MAR0005:Context.Create(tenantId: "acme")|};
                    Context Again(Context ctx) => {|MAR0005:Context.Create(tenantId: "acme")|};
                }
                """,
            ],
            ("""Again(Context ctx) => {|MAR0005:Context.Create()|}""", """Again(Context ctx) => ctx"""),
            ("""Again(Context ctx) => {|MAR0005:Context.Create(tenantId: "acme")|}""", """Again(Context ctx) => ctx""")),

        // No fix: a name with no valid proposal (one segment). A const used twice is rewritten once.
        ["MAR0011"] = For<InvalidProcedureOrEventNameAnalyzer, InvalidProcedureOrEventNameCodeFix>(
            [
                """
                using System.Threading.Tasks;
                using Mariachi.Communication;

                class OrdersModule
                {
                    const string Cancel = "Orders.Cancel";
                    void M(ICommunication c)
                    {
                        c.Register<int, int>({|MAR0011:"orders"|}, (ctx, x) => Task.FromResult(x));
                        c.Register<int, int>({|MAR0011:Cancel|}, (ctx, x) => Task.FromResult(x));
                        c.Register<int, int>({|MAR0011:"Orders.Create"|}, (ctx, x) => Task.FromResult(x));
                        c.CallAsync<int>({|MAR0011:Cancel|}, null!, 1);
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using Mariachi.Communication;

                class BillingModule
                {
                    void M(ICommunication c)
                    {
                        c.Register<int, int>({|MAR0011:"billing"|}, (ctx, x) => Task.FromResult(x));
                        c.Register<int, int>({|MAR0011:"Billing.Pay"|}, (ctx, x) => Task.FromResult(x));
                    }
                }
                """,
            ],
            ("""const string Cancel = "Orders.Cancel";""", """const string Cancel = "orders.cancel";"""),
            ("""{|MAR0011:Cancel|}""", """Cancel"""),
            ("""{|MAR0011:"Orders.Create"|}""", "\"orders.create\""),
            ("""{|MAR0011:"Billing.Pay"|}""", "\"billing.pay\"")),
    };
}
