using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

/// <summary>MAR0008's fixes: (a) move the Context first, (b) take a Context first, across the solution, and FixAll.</summary>
public sealed class MAR0008ContextNotFirstFixTests
{
    private static MariachiCodeFixTest<ContextNotFirstAnalyzer, ContextNotFirstCodeFix> Test(string source, string fixedSource) =>
        new(source, fixedSource);

    private static Task Verify(string source, string fixedSource) => Test(source, fixedSource).RunAsync();

    [Fact]
    public Task Move_puts_the_Context_first_in_the_interface_implementations_overrides_and_positional_calls() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderService
        {
            Task ArchiveAsync(int id, string reason, Context {|MAR0008:ctx|});
        }
        public class OrderService : IOrderService
        {
            public virtual Task ArchiveAsync(int id, string reason, Context ctx) => Task.CompletedTask;
        }
        public class AuditedOrderService : OrderService
        {
            public override Task ArchiveAsync(int id, string reason, Context flow) => base.ArchiveAsync(id, reason, flow);
        }
        public class OrdersModule
        {
            async Task Run(Context ctx, IOrderService orders, OrderService? maybe)
            {
                await orders.ArchiveAsync(1, "old", ctx);
                await orders.ArchiveAsync(2, reason: "named", ctx: ctx);
                await orders.ArchiveAsync(ctx: ctx, reason: "all named", id: 3);
                await (maybe?.ArchiveAsync(4, "conditional", ctx) ?? Task.CompletedTask);
                _ = nameof(IOrderService.ArchiveAsync);
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderService
        {
            Task ArchiveAsync(Context ctx, int id, string reason);
        }
        public class OrderService : IOrderService
        {
            public virtual Task ArchiveAsync(Context ctx, int id, string reason) => Task.CompletedTask;
        }
        public class AuditedOrderService : OrderService
        {
            public override Task ArchiveAsync(Context flow, int id, string reason) => base.ArchiveAsync(flow, id, reason);
        }
        public class OrdersModule
        {
            async Task Run(Context ctx, IOrderService orders, OrderService? maybe)
            {
                await orders.ArchiveAsync(ctx, 1, "old");
                await orders.ArchiveAsync(ctx: ctx, 2, reason: "named");
                await orders.ArchiveAsync(ctx: ctx, reason: "all named", id: 3);
                await (maybe?.ArchiveAsync(ctx, 4, "conditional") ?? Task.CompletedTask);
                _ = nameof(IOrderService.ArchiveAsync);
            }
        }
        """);

    [Fact]
    public Task Move_keeps_the_layout_of_a_parameter_list_on_several_lines() => Verify(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public Task CreateAsync(
                string customer,
                decimal total,
                Context {|MAR0008:ctx|},
                CancellationToken ct = default) => Task.CompletedTask;
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public Task CreateAsync(
                Context ctx,
                string customer,
                decimal total,
                CancellationToken ct = default) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Move_is_not_offered_for_an_optional_Context_or_a_method_used_as_a_method_group()
    {
        const string Source = """
            using System;
            using System.Threading.Tasks;
            using Mariachi;
            public class OrderService
            {
                public Task PublishAsync(string name, Context? {|MAR0008:ctx|} = null) => Task.CompletedTask;
                public Task ArchiveAsync(int id, Context {|MAR0008:ctx|}) => Task.CompletedTask;
                Func<int, Context, Task> Later() => ArchiveAsync;
            }
            """;
        return Verify(Source, Source);
    }

    [Fact]
    public Task Take_inserts_a_Context_first_and_passes_the_innermost_Context_in_scope_at_each_call() => Verify(
        """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderService
        {
            Task {|MAR0008:CreateAsync|}(string customer);
        }
        public class OrderService : IOrderService
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
        }
        public class OrdersModule(IOrderService orders)
        {
            private readonly Context _background = Context.System("orders");

            public Task Handle(Context ctx) => orders.CreateAsync("Ana");
            public Task Nightly() => orders.CreateAsync("batch");
            public Func<Context, Task> Later() => inner => orders.CreateAsync("later");
            public async Task Loop(Context ctx)
            {
                foreach (var each in new[] { ctx })
                {
                    await orders.CreateAsync("each");
                }
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderService
        {
            Task CreateAsync(Context context, string customer);
        }
        public class OrderService : IOrderService
        {
            public Task CreateAsync(Context context, string customer) => Task.CompletedTask;
        }
        public class OrdersModule(IOrderService orders)
        {
            private readonly Context _background = Context.System("orders");

            public Task Handle(Context ctx) => orders.CreateAsync(ctx, "Ana");
            public Task Nightly() => orders.CreateAsync(_background, "batch");
            public Func<Context, Task> Later() => inner => orders.CreateAsync(inner, "later");
            public async Task Loop(Context ctx)
            {
                foreach (var each in new[] { ctx })
                {
                    await orders.CreateAsync(each, "each");
                }
            }
        }
        """);

    [Fact]
    public Task Take_is_not_offered_when_a_call_has_no_Context_in_scope_or_the_method_is_a_method_group()
    {
        const string Source = """
            using System;
            using System.Threading.Tasks;
            using Mariachi;
            public class OrderService
            {
                public Task {|MAR0008:CreateAsync|}(string customer) => Task.CompletedTask;
                public Task {|MAR0008:CountAsync|}() => Task.CompletedTask;
                public Func<Task> Counter() => CountAsync;
            }
            public class Importer
            {
                public Task Run(OrderService orders) => orders.CreateAsync("Ana");
            }
            """;
        return Verify(Source, Source);
    }

    [Fact]
    public Task Take_picks_a_name_that_does_not_clash_and_adds_the_using() => Verify(
        """
        using System.Threading.Tasks;
        public class OrderService
        {
            private readonly object context = new();
            public Task {|MAR0008:CreateAsync|}(string customer) => Task.FromResult(context);
        }
        public class Uses { Mariachi.Context? _unused; }
        """,
        """
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            private readonly object context = new();
            public Task CreateAsync(Context ctx, string customer) => Task.FromResult(context);
        }
        public class Uses { Mariachi.Context? _unused; }
        """);

    [Fact]
    public Task Take_reaches_declarations_and_calls_in_other_documents()
    {
        var test = Test(
            """
            using System.Threading.Tasks;
            namespace Shop;
            public interface IOrderService
            {
                Task<int> {|MAR0008:CountAsync|}(string tenant);
            }
            """,
            """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public interface IOrderService
            {
                Task<int> CountAsync(Context context, string tenant);
            }
            """);
        test.TestState.Sources.Add(("Service.cs", """
            using System.Threading.Tasks;
            namespace Shop;
            public sealed class OrderService : IOrderService
            {
                public Task<int> CountAsync(string tenant) => Task.FromResult(0);
            }
            """));
        test.TestState.Sources.Add(("Caller.cs", """
            using Mariachi;
            namespace Shop;
            public sealed class Report(IOrderService orders)
            {
                public System.Threading.Tasks.Task<int> Run(Context ctx) => orders.CountAsync("acme");
            }
            """));
        test.FixedState.Sources.Add(("Service.cs", """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public sealed class OrderService : IOrderService
            {
                public Task<int> CountAsync(Context context, string tenant) => Task.FromResult(0);
            }
            """));
        test.FixedState.Sources.Add(("Caller.cs", """
            using Mariachi;
            namespace Shop;
            public sealed class Report(IOrderService orders)
            {
                public System.Threading.Tasks.Task<int> Run(Context ctx) => orders.CountAsync(ctx, "acme");
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_reach_a_call_site_in_another_project()
    {
        var test = Test(
            """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public class OrderService
            {
                public Task {|MAR0008:CreateAsync|}(string customer) => Task.CompletedTask;
                public Task ArchiveAsync(int id, Context {|MAR0008:ctx|}) => Task.CompletedTask;
            }
            """,
            """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public class OrderService
            {
                public Task CreateAsync(Context context, string customer) => Task.CompletedTask;
                public Task ArchiveAsync(Context ctx, int id) => Task.CompletedTask;
            }
            """);
        foreach (var (state, body) in new[]
        {
            (test.TestState, "{ await orders.CreateAsync(\"Ana\"); await orders.ArchiveAsync(1, ctx); }"),
            (test.FixedState, "{ await orders.CreateAsync(ctx, \"Ana\"); await orders.ArchiveAsync(ctx, 1); }"),
        })
        {
            var caller = state.AdditionalProjects["Web"];
            caller.AdditionalProjectReferences.Add("TestProject");
            caller.AdditionalReferences.AddRange(TestReferences.NetCore);
            caller.AdditionalReferences.AddRange(TestReferences.Mariachi);
            caller.Sources.Add(("/Web/Endpoint.cs", "using Mariachi; using Shop; public class Endpoint { async System.Threading.Tasks.Task Run(Context ctx, OrderService orders) " + body + " }"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Take_reaches_an_implementation_in_another_project_and_adds_its_using()
    {
        var test = Test(
            """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public interface IOrderService
            {
                Task {|MAR0008:CreateAsync|}(string customer);
            }
            """,
            """
            using System.Threading.Tasks;
            using Mariachi;
            namespace Shop;
            public interface IOrderService
            {
                Task CreateAsync(Context context, string customer);
            }
            """);
        foreach (var (state, signature) in new[] { (test.TestState, "string customer"), (test.FixedState, "Context context, string customer") })
        {
            var web = state.AdditionalProjects["Web"];
            web.AdditionalProjectReferences.Add("TestProject");
            web.AdditionalReferences.AddRange(TestReferences.NetCore);
            web.AdditionalReferences.AddRange(TestReferences.Mariachi);
            var usings = state == test.FixedState ? "using System.Threading.Tasks;\nusing Mariachi;\nusing Shop;\n" : "using System.Threading.Tasks;\nusing Shop;\n";
            web.Sources.Add(("/Web/OrderService.cs", usings + "public sealed class OrderService : IOrderService\n{\n    public Task CreateAsync(" + signature + ") => Task.CompletedTask;\n}\n"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_gives_operations_that_call_each_other_their_Contexts_in_one_change()
    {
        var test = Test(
            """
            using System.Threading.Tasks;
            using Mariachi;
            public class OrderService
            {
                public async Task {|MAR0008:CreateAsync|}(string customer)
                {
                    await SaveAsync(customer);
                }

                public Task {|MAR0008:SaveAsync|}(string customer) => SaveAsync(customer, retry: false);
                internal Task {|MAR0008:SaveAsync|}(string customer, bool retry) => Task.CompletedTask;
                public Task Entry(Context ctx) => CreateAsync("Ana");
            }
            """,
            """
            using System.Threading.Tasks;
            using Mariachi;
            public class OrderService
            {
                public async Task CreateAsync(Context context, string customer)
                {
                    await SaveAsync(context, customer);
                }

                public Task SaveAsync(Context context, string customer) => SaveAsync(context, customer, retry: false);
                internal Task SaveAsync(Context context, string customer, bool retry) => Task.CompletedTask;
                public Task Entry(Context ctx) => CreateAsync(ctx, "Ana");
            }
            """);
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
