using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0012UnknownProcedureTests
{
    private const string Usings = CatalogCompilations.Usings;

    private const string Module = """

        public sealed record CreateOrder(string Customer);
        public sealed record Order(Guid Id);

        static class Module
        {
            public static void Map(ICommunication c)
            {
                c.Register<CreateOrder, Order>("orders.create", (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                c.Register<Guid, Order>("orders.get", (ctx, id) => Task.FromResult(new Order(id)));
            }
        }
        """;

    /// <summary>A library registering billing.invoices.send, built with the catalog generator.</summary>
    private static readonly Lazy<MetadataReference> Billing = new(() => CatalogCompilations.Library("Billing.Services", """
        namespace Billing;
        class Module
        {
            void Map(ICommunication c) => c.Register<int, int>("billing.invoices.send", (ctx, x) => Task.FromResult(x));
        }
        """));

    private static DiagnosticResult Unknown(int location, string name, string? suggestion) =>
        new DiagnosticResult(DiagnosticDescriptors.UnknownProcedure)
            .WithLocation(location)
            .WithArguments(name, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task Verify(string source, MetadataReference? reference, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<UnknownProcedureAnalyzer>(Usings + source);
        if (reference is not null)
        {
            test.TestState.AdditionalReferences.Add(reference);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Calls_in_generated_members_types_and_hidden_lines_are_not_reported() => Verify(
        """
        class Api
        {
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            async Task Generated(ICommunication c, Context ctx) => await c.CallAsync<Order>("orders.generated", ctx, new CreateOrder("Ana"));

            async Task Hidden(ICommunication c, Context ctx)
            {
        #line hidden
                await c.CallAsync<Order>("orders.hidden", ctx, new CreateOrder("Ana"));
        #line default
            }

            async Task Written(ICommunication c, Context ctx) => await c.CallAsync<Order>({|#0:"billing.written"|}, ctx, new CreateOrder("Ana"));
        }

        [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
        class Client
        {
            async Task Run(ICommunication c, Context ctx) => await c.CallAsync<Order>("orders.client", ctx, new CreateOrder("Ana"));
        }
        """ + Module,
        null,
        Unknown(0, "billing.written", null));

    [Fact]
    public Task A_misspelt_name_is_reported_with_the_nearest_registered_name() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<Order>({|#0:"orders.craete"|}, ctx, new CreateOrder("Ana"));
                await c.CallAsync<Order>("orders.create", ctx, new CreateOrder("Ana"));
                await c.CallAsync<Order>({|#1:"billing.invoices.send"|}, ctx, 1);
            }
        }
        """ + Module,
        null,
        Unknown(0, "orders.craete", "orders.create"),
        Unknown(1, "billing.invoices.send", null));

    [Fact]
    public Task Handles_and_consts_are_checked_by_their_constant_name() => Verify(
        """
        static class Names { public const string Get = "orders.gte"; }
        class Api
        {
            static readonly Procedure<Guid, Order> Get = new(Names.Get);

            async Task Run(ICommunication c, Context ctx, string dynamic)
            {
                await c.CallAsync({|#0:Get|}, ctx, Guid.NewGuid());
                await c.CallAsync<Order>({|#1:Names.Get|}, ctx, Guid.NewGuid());
                await c.CallAsync<Order>(dynamic, ctx, Guid.NewGuid());
            }
        }
        """ + Module,
        null,
        Unknown(0, "orders.gte", "orders.get"),
        Unknown(1, "orders.gte", "orders.get"));

    [Fact]
    public Task A_call_by_handle_is_checked_as_an_extension_and_as_a_static_call_on_the_interface_or_an_adapter() => Verify(
        """
        class Api
        {
            static readonly Procedure<Guid, Order> Get = new("orders.gte");
            static readonly Procedure<Guid, Order> Known = new("orders.get");

            async Task Run(ICommunication c, Mariachi.Adapters.InMemory.Communication.InProcessCommunication adapter, Context ctx)
            {
                await c.CallAsync({|#0:Get|}, ctx, Guid.NewGuid(), CancellationToken.None);
                await CommunicationExtensions.CallAsync(c, {|#1:Get|}, ctx, Guid.NewGuid());
                await adapter.CallAsync({|#2:Get|}, ctx, Guid.NewGuid());
                await CommunicationExtensions.CallAsync(c, Known, ctx, Guid.NewGuid());
            }
        }
        """ + Module,
        TestReferences.InMemoryAdapters,
        Unknown(0, "orders.gte", "orders.get"),
        Unknown(1, "orders.gte", "orders.get"),
        Unknown(2, "orders.gte", "orders.get"));

    [Fact]
    public Task Names_registered_by_a_referenced_assembly_are_known_and_suggested() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<int>("billing.invoices.send", ctx, 1);
                await c.CallAsync<int>({|#0:"billing.invoice.send"|}, ctx, 1);
            }
        }
        """,
        Billing.Value,
        Unknown(0, "billing.invoice.send", "billing.invoices.send"));

    [Fact]
    public async Task Handles_of_a_compiled_contracts_assembly_are_read_from_its_handle_names()
    {
        var contracts = CatalogCompilations.Library("Shop.Contracts", """
            namespace Shop;
            public sealed record CreateOrder(string Customer);
            public static class OrderProcedures
            {
                public static readonly Procedure<CreateOrder, int> Create = new("orders.create");
                public static readonly Procedure<CreateOrder, int> Typo = new("orders.craete");
            }
            """);
        var services = CatalogCompilations.Library("Shop.Services", [contracts], """
            namespace Shop;
            class Module { void Map(ICommunication c) => c.Register(OrderProcedures.Create, (ctx, input) => Task.FromResult(1)); }
            """);
        var test = new MariachiAnalyzerTest<UnknownProcedureAnalyzer>(Usings + """
            namespace Shop;
            class Api
            {
                async Task Run(ICommunication c, Context ctx)
                {
                    await c.CallAsync(OrderProcedures.Create, ctx, new CreateOrder("Ana"));
                    await c.CallAsync({|#0:OrderProcedures.Typo|}, ctx, new CreateOrder("Ana"));
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(contracts);
        test.TestState.AdditionalReferences.Add(services);
        test.ExpectedDiagnostics.Add(Unknown(0, "orders.craete", "orders.create"));
        await test.RunAsync();
    }

    [Fact]
    public Task A_pure_client_that_can_know_no_registration_is_not_checked() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx) => await c.CallAsync<int>("orders.craete", ctx, 1);
        }
        """,
        null);

    [Fact]
    public Task The_fix_rewrites_the_literal_at_the_call() => MariachiCodeFixTest<UnknownProcedureAnalyzer, UnknownProcedureCodeFix>.VerifyAsync(
        Usings + """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<Order>({|#0:"orders.craete"|}, ctx, new CreateOrder("Ana"));
                await c.CallAsync<Order>({|#1:"orders.gte"|}, ctx, Guid.NewGuid());
            }
        }
        """ + Module,
        Usings + """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<Order>("orders.create", ctx, new CreateOrder("Ana"));
                await c.CallAsync<Order>("orders.get", ctx, Guid.NewGuid());
            }
        }
        """ + Module,
        Unknown(0, "orders.craete", "orders.create"),
        Unknown(1, "orders.gte", "orders.get"));

    [Fact]
    public async Task The_fix_rewrites_a_shared_const_in_another_file_once_for_all_its_calls()
    {
        var test = new MariachiCodeFixTest<UnknownProcedureAnalyzer, UnknownProcedureCodeFix>(string.Empty, string.Empty);
        test.TestState.Sources.Clear();
        test.FixedState.Sources.Clear();
        const string Api = """
            class Api
            {
                static readonly Procedure<CreateOrder, Order> Create = new(Names.Create);

                async Task Run(ICommunication c, Context ctx)
                {
                    await c.CallAsync<Order>({|#0:Names.Create|}, ctx, new CreateOrder("Ana"));
                    await c.CallAsync({|#1:Create|}, ctx, new CreateOrder("Ana"));
                }
            }
            """;
        test.TestState.Sources.Add(("/0/Api.cs", Usings + Api + Module));
        test.TestState.Sources.Add(("/0/Names.cs", "static class Names { public const string Create = \"orders.craete\"; }"));
        test.FixedState.Sources.Add(("/0/Api.cs", Usings + Api.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal) + Module));
        test.FixedState.Sources.Add(("/0/Names.cs", "static class Names { public const string Create = \"orders.create\"; }"));
        test.ExpectedDiagnostics.Add(Unknown(0, "orders.craete", "orders.create"));
        test.ExpectedDiagnostics.Add(Unknown(1, "orders.craete", "orders.create"));
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("class S { async Task M(ICommunication c, Context ctx) { await c.CallAsync<int>(\"orders.x\", ctx, ); c.Register<int, int>(\"orders.y\", } }")]
    [InlineData("class S { async Task M(ICommunication c, Context ctx) { await c.CallAsync(new Procedure<int, int>(), ctx, 1); c.Register<int, int>(\"a.b\", null); } }")]
    [InlineData("class S { const string N = \"orders.\" + ; async Task M(ICommunication c) { await c.CallAsync<int>(N, null, null); c.Register<int, int>(N, null); } }")]
    [InlineData("class S { static readonly Procedure<int, int> A = B, B = A; async Task M(ICommunication c) { await c.CallAsync(A, null, 1); c.Register(B, null); } }")]
    [InlineData("class S { async Task M(Missing c) { await c.CallAsync<int>(\"x\", null, 1); c.Register<int, int>(\"x\", null); } }")]
    [InlineData("}}}{{{ c.CallAsync<int>(\"x\"")]
    public async Task Half_typed_code_never_throws(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new UnknownProcedureAnalyzer(), Usings + code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
