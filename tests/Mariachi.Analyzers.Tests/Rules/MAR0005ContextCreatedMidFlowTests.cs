using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0005ContextCreatedMidFlowTests
{
    private static Task Verify(string source) => MariachiAnalyzerTest<ContextCreatedMidFlowAnalyzer>.VerifyAsync(source);

    private static Task VerifyFix(string source, string fixedSource) =>
        MariachiCodeFixTest<ContextCreatedMidFlowAnalyzer, ContextCreatedMidFlowCodeFix>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task Create_with_a_context_parameter_in_scope_is_reported_and_fixed() => VerifyFix(
        """
        using Mariachi;
        class OrderService
        {
            void Handle(Context ctx) => Save({|MAR0005:Context.Create("t1")|});
            void Save(Context ctx) { }
        }
        """,
        """
        using Mariachi;
        class OrderService
        {
            void Handle(Context ctx) => Save(ctx);
            void Save(Context ctx) { }
        }
        """);

    [Fact]
    public Task A_local_declared_before_counts_and_one_declared_after_does_not() => Verify(
        """
        using Mariachi;
        class Jobs
        {
            void Run()
            {
                var first = Context.Create();
                var second = {|MAR0005:Context.Create()|};
            }

            void Other()
            {
                var early = Context.Create();
            }
        }
        """);

    [Fact]
    public Task Locals_of_loops_patterns_switch_cases_and_outer_functions_are_in_scope_but_not_those_of_closed_blocks() => Verify(
        """
        using System;
        using System.Collections.Generic;
        using Mariachi;
        class Jobs
        {
            void Loop(List<Context> all)
            {
                foreach (var each in all)
                {
                    var made = {|MAR0005:Context.Create()|};
                }
            }

            void Pattern(object input)
            {
                if (input is Context found)
                {
                    var made = {|MAR0005:Context.Create()|};
                }
            }

            void Case(object input)
            {
                switch (input)
                {
                    case Context c:
                        var made = {|MAR0005:Context.Create()|};
                        break;
                }
            }

            void Lambda()
            {
                var outer = Context.Detached("job");
                Action run = () => { var made = {|MAR0005:Context.Create()|}; };
            }

            void Sibling(object input)
            {
                { var inner = Context.Detached("job"); }
                var made = Context.Create();
            }
        }
        """);

    [Fact]
    public Task Detached_and_System_are_explicit_opt_outs() => Verify(
        """
        using Mariachi;
        class Jobs
        {
            void Run(Context ctx)
            {
                var audit = Context.Detached("audit export runs on its own");
                var sweep = Context.System("nightly sweep");
            }
        }
        """);

    [Fact]
    public Task No_context_in_scope_is_not_reported() => Verify(
        """
        using Mariachi;
        class Entry
        {
            static void Main() { var ctx = Context.Create(tenantId: "t"); }
        }
        """);

    [Fact]
    public Task Initializing_a_context_field_in_a_constructor_is_not_reported() => Verify(
        """
        using Mariachi;
        class Worker
        {
            private readonly Context _context;
            public Worker() { _context = Context.Create(); }
        }

        class LazyWorker
        {
            private Context? _lazy;
            Context Lazy => _lazy ??= Context.Create();
        }
        """);

    [Fact]
    public Task An_instance_field_is_in_scope_in_instance_code_but_not_static_code() => Verify(
        """
        using Mariachi;
        class Worker
        {
            private readonly Context _context = Context.System("worker");
            void Instance() { var c = {|MAR0005:Context.Create()|}; }
            static void Static() { var c = Context.Create(); }
        }
        """);

    [Fact]
    public Task A_primary_constructor_context_is_in_scope_in_instance_members() => VerifyFix(
        """
        using Mariachi;
        class Handler(Context ctx)
        {
            void Run() => Use({|MAR0005:Context.Create()|});
            static void Other() => Use(Context.Create());
            static void Use(Context context) { }
        }
        """,
        """
        using Mariachi;
        class Handler(Context ctx)
        {
            void Run() => Use(ctx);
            static void Other() => Use(Context.Create());
            static void Use(Context context) { }
        }
        """);

    [Fact]
    public Task Lambdas_see_the_parameters_of_the_enclosing_method() => VerifyFix(
        """
        using System;
        using Mariachi;
        class Handlers
        {
            void Register(Context ctx)
            {
                Func<Context> make = () => {|MAR0005:Context.Create()|};
            }
        }
        """,
        """
        using System;
        using Mariachi;
        class Handlers
        {
            void Register(Context ctx)
            {
                Func<Context> make = () => ctx;
            }
        }
        """);

    [Fact]
    public async Task A_static_lambda_is_reported_without_a_fix()
    {
        var test = new MariachiCodeFixTest<ContextCreatedMidFlowAnalyzer, ContextCreatedMidFlowCodeFix>(
            """
            using System;
            using Mariachi;
            class Handlers
            {
                void Register(Context ctx)
                {
                    Func<Context> make = static () => {|MAR0005:Context.Create()|};
                }
            }
            """,
            """
            using System;
            using Mariachi;
            class Handlers
            {
                void Register(Context ctx)
                {
                    Func<Context> make = static () => {|MAR0005:Context.Create()|};
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Several_candidates_offer_one_fix_each_innermost_first()
    {
        const string Source = """
            using System;
            using Mariachi;
            class Handlers
            {
                void Register(Context outer)
                {
                    Action<Context> handle = inner => Use({|MAR0005:Context.Create()|});
                }

                void Use(Context ctx) { }
            }
            """;
        var innermost = new MariachiCodeFixTest<ContextCreatedMidFlowAnalyzer, ContextCreatedMidFlowCodeFix>(
            Source,
            Source.Replace("{|MAR0005:Context.Create()|}", "inner", StringComparison.Ordinal));
        var outer = new MariachiCodeFixTest<ContextCreatedMidFlowAnalyzer, ContextCreatedMidFlowCodeFix>(
            Source,
            Source.Replace("{|MAR0005:Context.Create()|}", "outer", StringComparison.Ordinal))
        {
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = "MAR0005:outer",
        };

        await innermost.RunAsync();
        await outer.RunAsync();
    }

    [Fact]
    public Task Fix_all_repairs_neighbouring_and_nested_creations() => VerifyFix(
        """
        using Mariachi;
        class OrderService
        {
            void Handle(Context ctx)
            {
                Save({|MAR0005:Context.Create()|}, {|MAR0005:Context.Create()|});
                Save(Wrap({|MAR0005:Context.Create()|}), {|MAR0005:Context.Create()|});
            }

            Context Wrap(Context ctx) => ctx;
            void Save(Context a, Context b) { }
        }
        """,
        """
        using Mariachi;
        class OrderService
        {
            void Handle(Context ctx)
            {
                Save(ctx, ctx);
                Save(Wrap(ctx), ctx);
            }

            Context Wrap(Context ctx) => ctx;
            void Save(Context a, Context b) { }
        }
        """);

    [Fact]
    public async Task Does_nothing_without_Mariachi()
    {
        var test = new MariachiAnalyzerTest<ContextCreatedMidFlowAnalyzer>(
            """
            namespace Mariachi { public sealed class Context { public static Context Create() => new Context(); } }
            class C { void M(Mariachi.Context ctx) { var other = Mariachi.Context.Create(); } }
            """,
            mariachi: false);
        await test.RunAsync();
    }
}
