using System.Collections.Concurrent;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0003ContextNotForwardedTests
{
    private const string Repository = """
        public sealed class Order { }

        public class OrderRepository
        {
            public void Save(Order order) { }
            public void Save(Context ctx, Order order) { }
            public void Delete(Context? ctx, int id) { }
            public void Publish(string name, Context? ctx = null) { }
        }
        """;

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<ContextNotForwardedAnalyzer>.VerifyAsync(source, expected);

    private static Task VerifyFix(string source, string fixedSource, params DiagnosticResult[] expected) =>
        MariachiCodeFixTest<ContextNotForwardedAnalyzer, ContextNotForwardedCodeFix>.VerifyAsync(source, fixedSource, expected);

    private static DiagnosticResult Diagnostic(int location, string what, string context) =>
        new DiagnosticResult(DiagnosticDescriptors.ContextNotForwarded).WithLocation(location).WithArguments(what, context);

    // (a) an overload that takes a Context

    [Fact]
    public Task Calling_the_overload_without_Context_is_reported_and_switched_to_the_Context_overload() => VerifyFix(
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly OrderRepository _orders = new();
            void Handle(Context ctx, Order order) => {|#0:_orders.Save(order)|};
        }
        {{Repository}}
        """,
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly OrderRepository _orders = new();
            void Handle(Context ctx, Order order) => _orders.Save(ctx, order);
        }
        {{Repository}}
        """,
        Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "ctx"));

    [Fact]
    public Task The_Context_is_inserted_at_its_parameter_position_and_named_when_earlier_parameters_are_named() => VerifyFix(
        """
        using Mariachi;
        class Audit
        {
            void Run(Context ctx)
            {
                {|#0:Log("a", level: 2)|};
                {|#1:Log(message: "b")|};
                {|#2:Log("c", 1, true)|};
            }

            static void Log(string message, int level = 0) { }
            static void Log(string message, Context ctx, int level = 0) { }
            static void Log(string message, int level, bool flag) { }
            static void Log(string message, int level, bool flag, Context ctx) { }
        }
        """,
        """
        using Mariachi;
        class Audit
        {
            void Run(Context ctx)
            {
                Log("a", ctx, level: 2);
                Log(message: "b", ctx: ctx);
                Log("c", 1, true, ctx);
            }

            static void Log(string message, int level = 0) { }
            static void Log(string message, Context ctx, int level = 0) { }
            static void Log(string message, int level, bool flag) { }
            static void Log(string message, int level, bool flag, Context ctx) { }
        }
        """,
        Diagnostic(0, "'Log(string, int)' has an overload that takes a Context, 'Log(string, Context, int)'", "ctx"),
        Diagnostic(1, "'Log(string, int)' has an overload that takes a Context, 'Log(string, Context, int)'", "ctx"),
        Diagnostic(2, "'Log(string, int, bool)' has an overload that takes a Context, 'Log(string, int, bool, Context)'", "ctx"));

    [Fact]
    public Task A_multi_line_argument_list_keeps_its_layout() => VerifyFix(
        """
        using Mariachi;
        class Audit
        {
            void Run(Context ctx)
            {
                {|MAR0003:Write(
                    "a",
                    2)|};
            }

            static void Write(string message, int level) { }
            static void Write(Context ctx, string message, int level) { }
        }
        """,
        """
        using Mariachi;
        class Audit
        {
            void Run(Context ctx)
            {
                Write(
                    ctx,
                    "a",
                    2);
            }

            static void Write(string message, int level) { }
            static void Write(Context ctx, string message, int level) { }
        }
        """);

    [Fact]
    public Task Generic_overloads_and_overloads_on_a_base_type_count() => VerifyFix(
        """
        using Mariachi;
        class Store<T>
        {
            public T? Find<TKey>(TKey key) => default;
            public T? Find<TKey>(Context ctx, TKey key) => default;
        }

        class OrderStore : Store<string>
        {
            public string? Get(int id) => null;
        }

        class Reader
        {
            void Read(Context ctx, OrderStore store)
            {
                var a = {|#0:store.Find(42)|};
                var b = {|#1:store.Find<string>("k")|};
            }
        }
        """,
        """
        using Mariachi;
        class Store<T>
        {
            public T? Find<TKey>(TKey key) => default;
            public T? Find<TKey>(Context ctx, TKey key) => default;
        }

        class OrderStore : Store<string>
        {
            public string? Get(int id) => null;
        }

        class Reader
        {
            void Read(Context ctx, OrderStore store)
            {
                var a = store.Find(ctx, 42);
                var b = store.Find<string>(ctx, "k");
            }
        }
        """,
        Diagnostic(0, "'Find<int>(int)' has an overload that takes a Context, 'Find<int>(Context, int)'", "ctx"),
        Diagnostic(1, "'Find<string>(string)' has an overload that takes a Context, 'Find<string>(Context, string)'", "ctx"));

    [Fact]
    public Task Extension_overloads_of_instance_and_extension_methods_are_reported_and_fixed() => VerifyFix(
        """
        using Mariachi;
        using Shop.Extensions;

        namespace Shop
        {
            public interface IBus { void Publish(string name); }

            public sealed class Cart { }

            class Checkout
            {
                void Run(Context ctx, IBus bus, Cart cart)
                {
                    {|#0:bus.Publish("cart.checked-out")|};
                    {|#1:cart.Touch(3)|};
                }
            }
        }

        namespace Shop.Extensions
        {
            public static class BusExtensions
            {
                public static void Publish(this IBus bus, Context ctx, string name) { }
            }

            public static class CartExtensions
            {
                public static void Touch(this Cart cart, int times) { }
                public static void Touch(this Cart cart, Context ctx, int times) { }
            }
        }
        """,
        """
        using Mariachi;
        using Shop.Extensions;

        namespace Shop
        {
            public interface IBus { void Publish(string name); }

            public sealed class Cart { }

            class Checkout
            {
                void Run(Context ctx, IBus bus, Cart cart)
                {
                    bus.Publish(ctx, "cart.checked-out");
                    cart.Touch(ctx, 3);
                }
            }
        }

        namespace Shop.Extensions
        {
            public static class BusExtensions
            {
                public static void Publish(this IBus bus, Context ctx, string name) { }
            }

            public static class CartExtensions
            {
                public static void Touch(this Cart cart, int times) { }
                public static void Touch(this Cart cart, Context ctx, int times) { }
            }
        }
        """,
        Diagnostic(0, "'Publish(string)' has an overload that takes a Context, 'Publish(Context, string)'", "ctx"),
        Diagnostic(1, "'Touch(int)' has an overload that takes a Context, 'Touch(Context, int)'", "ctx"));

    [Fact]
    public Task Extension_overloads_that_are_not_imported_or_do_not_apply_are_not_reported() => Verify(
        """
        using Mariachi;
        using Shop.Imported;

        namespace Shop
        {
            public interface IBus { void Publish(string name); }
            public interface IQueue { void Publish(string name); }

            class Checkout
            {
                void Run(Context ctx, IBus bus, IQueue queue)
                {
                    bus.Publish("the matching extension is not imported");
                    queue.Publish("the imported one takes an int");
                }
            }
        }

        namespace Shop.Hidden
        {
            public static class BusExtensions
            {
                public static void Publish(this IBus bus, Context ctx, string name) { }
            }
        }

        namespace Shop.Imported
        {
            public static class QueueExtensions
            {
                public static void Publish(this IQueue queue, Context ctx, int name) { }
                public static void Publish(this IBus bus, Context ctx, string name, int extra) { }
            }
        }
        """);

    [Fact]
    public Task Constructors_with_a_Context_overload_or_an_optional_Context_are_reported_and_fixed() => VerifyFix(
        """
        using Mariachi;
        class Unit
        {
            public Unit(string name) { }
            public Unit(Context ctx, string name) { }
        }

        class Job
        {
            public Job(Context? ctx = null) { }
            public int Priority { get; set; }
        }

        class Child : Unit
        {
            public Child(Context ctx) : {|#0:base("child")|} { }
        }

        class Factory
        {
            void Build(Context ctx)
            {
                var a = {|#1:new Unit("a")|};
                Unit b = {|#2:new("b")|};
                var job = {|#3:new Job { Priority = 1 }|};
            }
        }
        """,
        """
        using Mariachi;
        class Unit
        {
            public Unit(string name) { }
            public Unit(Context ctx, string name) { }
        }

        class Job
        {
            public Job(Context? ctx = null) { }
            public int Priority { get; set; }
        }

        class Child : Unit
        {
            public Child(Context ctx) : base(ctx, "child") { }
        }

        class Factory
        {
            void Build(Context ctx)
            {
                var a = new Unit(ctx, "a");
                Unit b = new(ctx, "b");
                var job = new Job(ctx) { Priority = 1 };
            }
        }
        """,
        Diagnostic(0, "'Unit(string)' has an overload that takes a Context, 'Unit(Context, string)'", "ctx"),
        Diagnostic(1, "'Unit(string)' has an overload that takes a Context, 'Unit(Context, string)'", "ctx"),
        Diagnostic(2, "'Unit(string)' has an overload that takes a Context, 'Unit(Context, string)'", "ctx"),
        Diagnostic(3, "The optional Context 'ctx' of 'Job' is omitted", "ctx"));

    [Fact]
    public Task Constructors_of_generic_types_are_judged_with_their_type_arguments() => Verify(
        """
        using Mariachi;
        class Box<T>
        {
            public Box(T value) { }
        }

        class Repo<T>
        {
            public Repo(string name) { }
            public Repo(Context ctx, string name) { }
        }

        class Plain
        {
            public Plain(string name) { }
        }

        class Factory
        {
            void Build(Context ctx)
            {
                var a = {|#0:new Box<Context>(null)|};
                var b = new Box<int>(1);
                var c = new Box<Context>(ctx);
                var d = {|#1:new Repo<int>("r")|};
                var e = new Plain("p");
            }
        }
        """,
        Diagnostic(0, "'null' is passed as the Context of 'Box<Context>'", "ctx"),
        Diagnostic(1, "'Repo(string)' has an overload that takes a Context, 'Repo(Context, string)'", "ctx"));

    [Fact]
    public Task Primary_constructor_bases_and_conditional_calls_are_fixed() => VerifyFix(
        $$"""
        using Mariachi;
        class Unit(Context ctx, string name)
        {
            public Unit(string name) : this(Context.System("unit"), name) { }
        }

        class Child(Context ctx) : {|#0:Unit("child")|}
        {
            void Run(OrderRepository? orders, Order order) => orders?{|#1:.Save(order)|};
        }
        {{Repository}}
        """,
        $$"""
        using Mariachi;
        class Unit(Context ctx, string name)
        {
            public Unit(string name) : this(Context.System("unit"), name) { }
        }

        class Child(Context ctx) : Unit(ctx, "child")
        {
            void Run(OrderRepository? orders, Order order) => orders?.Save(ctx, order);
        }
        {{Repository}}
        """,
        Diagnostic(0, "'Unit(string)' has an overload that takes a Context, 'Unit(Context, string)'", "ctx"),
        Diagnostic(1, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "ctx"));

    [Fact]
    public Task A_constructor_initializer_cannot_use_instance_Contexts() => Verify(
        """
        using Mariachi;
        class Unit
        {
            public Unit(string name) { }
            public Unit(Context ctx, string name) { }
        }

        class Child : Unit
        {
            private readonly Context _context = Context.System("child");
            public Child() : base("child") { }
        }
        """);

    // (b) null or default passed as the Context

    [Fact]
    public Task Null_and_default_passed_as_the_Context_are_reported_and_replaced() => VerifyFix(
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly OrderRepository _orders = new();

            void Handle(Context ctx, Order order)
            {
                {|#0:_orders.Save(null!, order)|};
                {|#1:_orders.Delete(default, 1)|};
                {|#2:_orders.Delete(default(Context), 2)|};
                {|#3:_orders.Delete((Context?)null, 3)|};
                {|#4:_orders.Delete(id: 4, ctx: null)|};
            }
        }
        {{Repository}}
        """,
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly OrderRepository _orders = new();

            void Handle(Context ctx, Order order)
            {
                _orders.Save(ctx, order);
                _orders.Delete(ctx, 1);
                _orders.Delete(ctx, 2);
                _orders.Delete(ctx, 3);
                _orders.Delete(id: 4, ctx: ctx);
            }
        }
        {{Repository}}
        """,
        Diagnostic(0, "'null' is passed as the Context of 'Save'", "ctx"),
        Diagnostic(1, "'default' is passed as the Context of 'Delete'", "ctx"),
        Diagnostic(2, "'default' is passed as the Context of 'Delete'", "ctx"),
        Diagnostic(3, "'null' is passed as the Context of 'Delete'", "ctx"),
        Diagnostic(4, "'null' is passed as the Context of 'Delete'", "ctx"));

    // (c) an optional Context omitted

    [Fact]
    public Task An_omitted_optional_Context_is_reported_and_added() => VerifyFix(
        """
        using Mariachi;
        class Mailer
        {
            void Run(Context ctx)
            {
                {|#0:Send("a")|};
                {|#1:Send("b", urgent: true)|};
                {|#2:Send(to: "c")|};
                void Local(Context? c = null) { }
                {|#3:Local()|};
            }

            static void Send(string to, Context? ctx = null, bool urgent = false) { }
        }
        """,
        """
        using Mariachi;
        class Mailer
        {
            void Run(Context ctx)
            {
                Send("a", ctx);
                Send("b", ctx, urgent: true);
                Send(to: "c", ctx: ctx);
                void Local(Context? c = null) { }
                Local(ctx);
            }

            static void Send(string to, Context? ctx = null, bool urgent = false) { }
        }
        """,
        Diagnostic(0, "The optional Context 'ctx' of 'Send' is omitted", "ctx"),
        Diagnostic(1, "The optional Context 'ctx' of 'Send' is omitted", "ctx"),
        Diagnostic(2, "The optional Context 'ctx' of 'Send' is omitted", "ctx"),
        Diagnostic(3, "The optional Context 'c' of 'Local' is omitted", "ctx"));

    // Exemptions

    [Fact]
    public Task Detached_and_System_passed_explicitly_are_not_reported() => Verify(
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly OrderRepository _orders = new();

            void Handle(Context ctx, Order order)
            {
                _orders.Save(Context.Detached("audit copy runs on its own"), order);
                _orders.Delete(Context.System("cleanup"), 1);
                _orders.Publish("x", Context.System("broadcast"));
                _orders.Save(ctx, order);
                _orders.Publish("y", ctx);
            }
        }
        {{Repository}}
        """);

    [Fact]
    public Task No_Context_in_scope_is_not_reported() => Verify(
        $$"""
        using Mariachi;
        class Entry
        {
            private readonly OrderRepository _orders = new();

            void Handle(Order order)
            {
                _orders.Save(order);
                _orders.Delete(null, 1);
                _orders.Publish("x");
            }

            static void Static(Order order, OrderRepository orders) => orders.Save(order);
        }

        class Worker
        {
            private readonly Context _context = Context.System("worker");
            static void Run(OrderRepository orders, Order order) => orders.Save(order);
        }
        {{Repository}}
        """);

    [Fact]
    public Task Calls_on_Context_itself_are_not_reported() => Verify(
        """
        using Mariachi;
        static class ContextExtensions
        {
            public static Context Tag(this Context ctx, string tag) => ctx;
            public static Context Tag(this Context ctx, Context parent, string tag) => ctx;
        }

        class Handler
        {
            void Run(Context ctx)
            {
                var tenant = ctx.WithTenant(null).WithUser(null);
                var tagged = ctx.Tag("x");
            }
        }
        """);

    [Fact]
    public Task An_overload_forwarding_to_its_sibling_is_not_reported() => Verify(
        """
        using Mariachi;
        public sealed class Order { }

        public class OrderRepository
        {
            private readonly Context _owner = Context.System("repository");

            public void Save(Order order) => Save(null!, order);
            public void Save(Context ctx, Order order) { }

            public void Load(Context ctx, int id) => Load(id);
            public void Load(int id) { }

            public OrderRepository(int size) : this(null, size) { }
            public OrderRepository(Context? ctx, int size) { }
        }

        public class AuditedRepository : OrderRepository
        {
            private readonly Context _audit = Context.System("audit");

            public AuditedRepository() : base(1) { }

            public new void Save(Order order) => base.Save(order);
        }

        public static class RepositoryExtensions
        {
            public static void Touch(this OrderRepository repository, int id) => repository.Touch(null, id);
            public static void Touch(this OrderRepository repository, Context? ctx, int id) { }
        }
        """);

    [Fact]
    public Task Recursion_with_null_is_not_overload_forwarding() => Verify(
        """
        using Mariachi;
        class Tree
        {
            void Walk(Context? ctx, int depth)
            {
                if (depth > 0)
                {
                    {|#0:Walk(null, depth - 1)|};
                }
            }
        }
        """,
        Diagnostic(0, "'null' is passed as the Context of 'Walk'", "ctx"));

    [Fact]
    public Task Inaccessible_obsolete_and_non_matching_overloads_are_not_reported() => Verify(
        """
        using System;
        using Mariachi;
        class Api
        {
            public void Private(int id) { }
            private void Private(Context ctx, int id) { }

            public void Old(int id) { }
            [Obsolete("use New")] public void Old(Context ctx, int id) { }

            public void Different(int id) { }
            public void Different(Context ctx, long id) { }

            public void Twice(int id) { }
            public void Twice(Context a, Context b, int id) { }

            public static void Shape(int id) { }
            public void Shape(Context ctx, int id) { }
        }

        class Caller
        {
            void Run(Context ctx, Api api)
            {
                api.Private(1);
                api.Old(1);
                api.Different(1);
                api.Twice(1);
                Api.Shape(1);
                Func<int, int> f = x => x;
                f(1);
            }
        }
        """);

    [Fact]
    public Task A_call_that_passes_a_Context_to_one_Context_parameter_is_not_reported_for_the_others() => Verify(
        """
        using Mariachi;
        class Merger
        {
            void Run(Context ctx)
            {
                Merge(ctx, null);
                Link(ctx);
            }

            static void Merge(Context target, Context? source) { }
            static void Link(Context target, Context? parent = null) { }
        }
        """);

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var test = new MariachiAnalyzerTest<ContextNotForwardedAnalyzer>(
            """
            using Mariachi;
            partial class OrderService
            {
                void Handle(Context ctx) => {|#0:Save(null!)|};
                void Save(Context ctx) { }
            }
            """);
        test.TestState.Sources.Add((
            "OrderService.g.cs",
            """
            // <auto-generated/>
            using Mariachi;
            partial class OrderService
            {
                void Generated(Context ctx) => Save(null!);
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(0, "'null' is passed as the Context of 'Save'", "ctx"));
        await test.RunAsync();
    }

    // Scope, candidates and FixAll

    [Fact]
    public Task An_instance_field_and_a_local_are_in_scope() => VerifyFix(
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly Context _context = Context.System("service");
            private readonly OrderRepository _orders = new();

            void Handle(Order order) => {|#0:_orders.Save(order)|};

            static void Run(Order order, OrderRepository orders)
            {
                var flow = Context.Create();
                {|#1:orders.Save(order)|};
            }
        }
        {{Repository}}
        """,
        $$"""
        using Mariachi;
        class OrderService
        {
            private readonly Context _context = Context.System("service");
            private readonly OrderRepository _orders = new();

            void Handle(Order order) => _orders.Save(_context, order);

            static void Run(Order order, OrderRepository orders)
            {
                var flow = Context.Create();
                orders.Save(flow, order);
            }
        }
        {{Repository}}
        """,
        Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "_context"),
        Diagnostic(1, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "flow"));

    [Fact]
    public Task Locals_from_patterns_out_variables_deconstruction_and_lambdas_are_in_scope_once_declared() => Verify(
        $$"""
        using System;
        using Mariachi;
        class Scopes
        {
            private readonly OrderRepository _orders = new();

            void Pattern(object state, Order order)
            {
                if (state is Context flow)
                {
                    {|#0:_orders.Save(order)|};
                }
            }

            void Out(Order order)
            {
                if (TryGet(out var found))
                {
                    {|#1:_orders.Save(order)|};
                }
            }

            void Deconstructed(Order order)
            {
                var (first, _) = (Context.System("first"), 1);
                {|#2:_orders.Save(order)|};
            }

            void Lambda(Order order)
            {
                Action run = () =>
                {
                    var inner = Context.System("inner");
                    {|#3:_orders.Save(order)|};
                };
            }

            void DeclaredLater(Context ctx, Order order)
            {
                {|#4:_orders.Save(order)|};
                var later = Context.System("later");
            }

            static bool TryGet(out Context ctx)
            {
                ctx = Context.System("try");
                return true;
            }
        }
        {{Repository}}
        """,
        Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "flow"),
        Diagnostic(1, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "found"),
        Diagnostic(2, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "first"),
        Diagnostic(3, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "inner"),
        Diagnostic(4, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "ctx"));

    [Fact]
    public async Task Top_level_statements_see_the_locals_declared_before_the_call()
    {
        var test = new MariachiAnalyzerTest<ContextNotForwardedAnalyzer>(
            $$"""
            using Mariachi;
            var orders = new OrderRepository();
            var flow = Context.System("script");
            if (args.Length > 0)
            {
                {|#0:orders.Save(new Order())|};
            }

            {{Repository}}
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "flow"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Several_candidates_offer_one_fix_each_innermost_first()
    {
        var source = $$"""
            using System;
            using Mariachi;
            class Handlers
            {
                private readonly OrderRepository _orders = new();

                void Register(Context outer, Order order)
                {
                    Action<Context> handle = inner => {|#0:_orders.Save(order)|};
                }
            }
            {{Repository}}
            """;
        var expected = Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "inner");
        var innermost = new MariachiCodeFixTest<ContextNotForwardedAnalyzer, ContextNotForwardedCodeFix>(
            source,
            source.Replace("{|#0:_orders.Save(order)|}", "_orders.Save(inner, order)", StringComparison.Ordinal))
        {
            CodeActionEquivalenceKey = "MAR0003:innermost",
        };
        innermost.ExpectedDiagnostics.Add(expected);
        var outer = new MariachiCodeFixTest<ContextNotForwardedAnalyzer, ContextNotForwardedCodeFix>(
            source,
            source.Replace("{|#0:_orders.Save(order)|}", "_orders.Save(outer, order)", StringComparison.Ordinal))
        {
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = "MAR0003:outer",
        };
        outer.ExpectedDiagnostics.Add(expected);

        await innermost.RunAsync();
        await outer.RunAsync();
    }

    [Fact]
    public async Task A_static_lambda_is_reported_without_a_fix()
    {
        var source = $$"""
            using System;
            using Mariachi;
            class Handlers
            {
                void Register(Context ctx)
                {
                    Action<OrderRepository, Order> save = static (orders, order) => {|#0:orders.Save(order)|};
                    Action<OrderRepository> delete = static orders => {|#1:orders.Delete(null, 1)|};
                }
            }
            {{Repository}}
            """;
        var test = new MariachiCodeFixTest<ContextNotForwardedAnalyzer, ContextNotForwardedCodeFix>(source, source);
        test.ExpectedDiagnostics.Add(Diagnostic(0, "'Save(Order)' has an overload that takes a Context, 'Save(Context, Order)'", "ctx"));
        test.ExpectedDiagnostics.Add(Diagnostic(1, "'null' is passed as the Context of 'Delete'", "ctx"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public Task Fix_all_repairs_nested_and_neighbouring_calls() => VerifyFix(
        """
        using Mariachi;
        class Pipeline
        {
            void Run(Context ctx)
            {
                {|MAR0003:Store({|MAR0003:Wrap(1)|}, {|MAR0003:Wrap(null, 2)|})|}; {|MAR0003:Store(3, 4)|};
                {|MAR0003:Store({|MAR0003:Wrap({|MAR0003:Wrap(5)|})|}, 6)|};
                {|MAR0003:Notify()|}; {|MAR0003:Notify()|};
            }

            static int Wrap(int value) => value;
            static int Wrap(Context? ctx, int value) => value;
            static void Store(int a, int b) { }
            static void Store(Context ctx, int a, int b) { }
            static void Notify(Context? ctx = null) { }
        }
        """,
        """
        using Mariachi;
        class Pipeline
        {
            void Run(Context ctx)
            {
                Store(ctx, Wrap(ctx, 1), Wrap(ctx, 2)); Store(ctx, 3, 4);
                Store(ctx, Wrap(ctx, Wrap(ctx, 5)), 6);
                Notify(ctx); Notify(ctx);
            }

            static int Wrap(int value) => value;
            static int Wrap(Context? ctx, int value) => value;
            static void Store(int a, int b) { }
            static void Store(Context ctx, int a, int b) { }
            static void Notify(Context? ctx = null) { }
        }
        """);

    // Robustness and applicability

    [Fact]
    public async Task Does_nothing_without_Mariachi()
    {
        var test = new MariachiAnalyzerTest<ContextNotForwardedAnalyzer>(
            """
            namespace Mariachi { public sealed class Context { } }
            class C
            {
                void M(Mariachi.Context ctx) { Save(1); Save(null, 1); Publish(); }
                void Save(int id) { }
                void Save(Mariachi.Context? ctx, int id) { }
                void Publish(Mariachi.Context? ctx = null) { }
            }
            """,
            mariachi: false);
        await test.RunAsync();
    }

    // Calls are first filtered by name (no method of the name takes a Context: nothing to check); the declarations
    // below are written so that the name must still be found.

    [Fact]
    public Task An_overload_declared_with_a_using_alias_of_Context_is_found() => Verify(
        """
        using Mariachi;
        using Flow = Mariachi.Context;
        class Repo
        {
            public void Store(int id) { }
            public void Store(Flow flow, int id) { }
        }

        class Service
        {
            void Handle(Context ctx, Repo repo) => {|#0:repo.Store(1)|};
        }
        """,
        Diagnostic(0, "'Store(int)' has an overload that takes a Context, 'Store(Context, int)'", "ctx"));

    [Fact]
    public Task Overloads_declared_with_comments_and_strings_in_their_parameter_lists_are_found() => Verify(
        """
        using Mariachi;
        class Repo
        {
            public void Store(int id) { }
            public void Store(/* the caller's flow */ Context ctx, int id) { }
            public void Tag(string open = "(", Context? ctx = null) { }
            public void Send(int id) { }
            public void Send(
                // the caller's flow
                Context ctx,
                int id) { }
        }

        class Service
        {
            void Handle(Context ctx, Repo repo)
            {
                {|#0:repo.Store(1)|};
                {|#1:repo.Tag()|};
                {|#2:repo.Send(2)|};
            }
        }
        """,
        Diagnostic(0, "'Store(int)' has an overload that takes a Context, 'Store(Context, int)'", "ctx"),
        Diagnostic(1, "The optional Context 'ctx' of 'Tag' is omitted", "ctx"),
        Diagnostic(2, "'Send(int)' has an overload that takes a Context, 'Send(Context, int)'", "ctx"));

    [Fact]
    public Task A_Context_parameter_that_comes_from_a_type_argument_is_still_checked() => Verify(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Mariachi;
        class Service
        {
            void Handle(Context ctx, List<Context> flows)
            {
                {|#0:flows.Add(null!)|};
                flows.Add(ctx);
                _ = {|#1:Task.FromResult<Context?>(null)|};
                _ = Task.FromResult(1);
            }
        }
        """,
        Diagnostic(0, "'null' is passed as the Context of 'Add'", "ctx"),
        Diagnostic(1, "'null' is passed as the Context of 'FromResult'", "ctx"));

    [Theory]
    [InlineData("class S { void M(Context ctx) { Save(null, } void Save(Context c, int x) {} }")]
    [InlineData("class S { void M(Context ctx) { Missing.Save(ctx, null); new Unknown(null); Save(Unknown.X); } void Save(int x) {} void Save(Context c, int x) {} }")]
    [InlineData("class S { void M(Context ctx) { Func<Context, Task> f = async c => await Missing.Call(c, ; } }")]
    [InlineData("class S { void M(Context ctx) { Action a = static () => Save(; } void Save(Context? c = null) {} }")]
    [InlineData("class S { void M(Context ctx) { Action<int> a = x => Save(x }; } void Save(int x) {} void Save(Context c, int x) {} }")]
    [InlineData("class S : Missing { S(Context ctx) : base( { } void M(Context ctx) => new S(; }")]
    [InlineData("class S<T> where T : { void M(Context ctx) => M(default); void M(int x) {} }")]
    [InlineData("static class E { public static void Go(this Missing m, Context c) {} public static void Go(this Missing m) {} } class S { void M(Context ctx, Missing m) => m.Go(); }")]
    [InlineData("class S { void M(Context ctx) { this.Save(default, ctx.; } void Save(Context c, int x) {} void Save(int x) {} }")]
    [InlineData("class S { void M(Context ctx) => Save<>(1); void Save<T>(T x) {} void Save<T>(Context c, T x) {} }")]
    [InlineData("class S { void M(Context ctx) { var x = new { A = Save(1) }; } int Save(int x) => x; int Save(Context c, int x) => x; int Save(Context c, }")]
    public async Task Half_typed_code_does_not_throw(string code)
    {
        var compilation = CSharpCompilation.Create(
            "HalfTyped",
            [CSharpSyntaxTree.ParseText("using System;\nusing System.Threading.Tasks;\nusing Mariachi;\n" + code, path: "/0/Test0.cs")],
            [.. TestReferences.NetCore, .. TestReferences.Mariachi],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers([new ContextNotForwardedAnalyzer()], options).GetAllDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
