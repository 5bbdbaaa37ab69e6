using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0013CallDoesNotMatchRegistrationTests
{
    private const string Usings = CatalogCompilations.Usings;

    private const string Module = """

        public class CreateOrder { public string Customer { get; set; } = ""; }
        public sealed class CreateRushOrder : CreateOrder { }
        public sealed record Order(Guid Id);

        static class Module
        {
            public static void Map(ICommunication c)
            {
                c.Register<CreateOrder, Order>("orders.create", (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                c.Register<int, Order?>("orders.number", (ctx, n) => Task.FromResult<Order?>(null));
            }
        }
        """;

    private static readonly Lazy<MetadataReference> Billing = new(() => CatalogCompilations.Library("Billing.Services", """
        namespace Billing;
        public sealed record Invoice(decimal Total);
        class Module
        {
            void Map(ICommunication c) => c.Register<Invoice, long>("billing.invoices.send", (ctx, x) => Task.FromResult(1L));
        }
        """));

    private static DiagnosticResult Input(int location, string name, string expected, string actual) =>
        new DiagnosticResult(DiagnosticDescriptors.CallDoesNotMatchRegistration).WithLocation(location).WithArguments(name, "takes input", expected, "passes", actual);

    private static DiagnosticResult Output(int location, string name, string expected, string actual) =>
        new DiagnosticResult(DiagnosticDescriptors.CallDoesNotMatchRegistration).WithLocation(location).WithArguments(name, "returns", expected, "asks for", actual);

    private static Task Verify(string source, MetadataReference? reference, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<CallDoesNotMatchRegistrationAnalyzer>(Usings + source);
        if (reference is not null)
        {
            test.TestState.AdditionalReferences.Add(reference);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task An_input_that_cannot_be_the_registered_type_and_an_unrelated_output_are_reported() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<Order>("orders.create", ctx, {|#0:"Ana"|});
                await c.{|#1:CallAsync<string>|}("orders.create", ctx, new CreateOrder());
                await c.CallAsync<Order>("orders.number", ctx, {|#2:5L|});
                await c.CallAsync<Order>("orders.number", ctx, {|#3:null|});
            }
        }
        """ + Module,
        null,
        Input(0, "orders.create", "CreateOrder", "string"),
        Output(1, "orders.create", "Order", "string"),
        Input(2, "orders.number", "int", "long"),
        Input(3, "orders.number", "int", "null"));

    [Fact]
    public Task Calls_that_some_value_could_pass_are_not_reported() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx, object anything, CreateOrder order, int? maybe)
            {
                await c.CallAsync<Order>("orders.create", ctx, new CreateRushOrder());
                await c.CallAsync<Order>("orders.create", ctx, anything);
                await c.CallAsync<Order>("orders.create", ctx, null);
                await c.CallAsync<object>("orders.create", ctx, order);
                await c.CallAsync<Order?>("orders.number", ctx, maybe);
                await c.CallAsync<object>("orders.number", ctx, 5);
                await c.CallAsync<int>("orders.unknown", ctx, "x");
            }
        }
        """ + Module,
        null);

    [Fact]
    public Task Handles_are_checked_with_their_type_arguments() => Verify(
        """
        class Api
        {
            static readonly Procedure<string, Order> Create = new("orders.create");
            static readonly Procedure<CreateOrder, Order> Right = new("orders.create");

            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync(Create, ctx, {|#0:"Ana"|});
                await c.CallAsync(Right, ctx, new CreateOrder());
            }
        }
        """ + Module,
        null,
        Input(0, "orders.create", "CreateOrder", "string"));

    [Fact]
    public Task Registrations_of_a_referenced_assembly_are_checked() => Verify(
        """
        class Api
        {
            async Task Run(ICommunication c, Context ctx)
            {
                await c.CallAsync<long>("billing.invoices.send", ctx, {|#0:12.5m|});
                await c.{|#1:CallAsync<string>|}("billing.invoices.send", ctx, new Billing.Invoice(12.5m));
                await c.CallAsync<long>("billing.invoices.send", ctx, new Billing.Invoice(12.5m));
            }
        }
        """,
        Billing.Value,
        Input(0, "billing.invoices.send", "Billing.Invoice", "decimal"),
        Output(1, "billing.invoices.send", "long", "string"));

    [Theory]
    [InlineData("class S { async Task M(ICommunication c, Context ctx) { await c.CallAsync<int>(\"orders.x\", ctx, ); c.Register<int, int>(\"orders.x\", } }")]
    [InlineData("class S { async Task M(ICommunication c, Context ctx) { await c.CallAsync<Missing>(\"a.b\", ctx, new Missing()); c.Register<Missing, int>(\"a.b\", null); } }")]
    [InlineData("class S { async Task M<T>(ICommunication c, Context ctx, T t) { await c.CallAsync<T>(\"a.b\", ctx, t); c.Register<T, T>(\"a.b\", null); } }")]
    [InlineData("class S { async Task M(ICommunication c, Context ctx, dynamic d) { await c.CallAsync<int>(\"a.b\", ctx, d); c.Register<int, int>(\"a.b\", null); } }")]
    [InlineData("}}}{{{ c.CallAsync<int>(\"x\"")]
    public async Task Half_typed_code_never_throws(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new CallDoesNotMatchRegistrationAnalyzer(), Usings + code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
