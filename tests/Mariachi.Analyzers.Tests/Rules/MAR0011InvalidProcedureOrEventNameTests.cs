using System.Globalization;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Mariachi.Communication;
using Mariachi.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0011InvalidProcedureOrEventNameTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Mariachi.Events;

        """;

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<InvalidProcedureOrEventNameAnalyzer>.VerifyAsync(Usings + source, expected);

    private static Task VerifyFix(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFix(source, fixedSource, expected, []);

    private static Task VerifyFix(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[] remaining)
    {
        var test = new MariachiCodeFixTest<InvalidProcedureOrEventNameAnalyzer, InvalidProcedureOrEventNameCodeFix>(Usings + source, Usings + fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    private static DiagnosticResult Procedure(int location, string name, string problem, string advice) =>
        new DiagnosticResult(DiagnosticDescriptors.InvalidProcedureOrEventName).WithLocation(location).WithArguments("Procedure", name, problem, advice);

    private static DiagnosticResult Event(int location, string name, string problem, string advice) =>
        new DiagnosticResult(DiagnosticDescriptors.InvalidProcedureOrEventName).WithLocation(location).WithArguments("Event", name, problem, advice);

    /// <summary>
    /// The one table of names: each is judged by the runtime (ProcedureName, EventName) and by the analyzer, and
    /// the verdicts must be these for both. Columns: name, valid as a procedure, valid as an event.
    /// </summary>
    public static TheoryData<string, bool, bool> Names => new()
    {
        { "orders.create", true, false },
        { "orders.order.created", true, true },
        { "billing.invoices.send-reminder", true, true },
        { "a.b", true, false },
        { "a.b.c.d.e.f", true, false },
        { "orders_v2.create_1", true, false },
        { "orders.v2-beta.created", true, true },
        { "orders.x-", true, false },
        { "orders.x_.y-", true, true },
        { "", false, false },
        { "orders", false, false },
        { "Orders.Create", false, false },
        { "orders.Create", false, false },
        { "orders.order.Created", false, false },
        { ".orders.create", false, false },
        { "orders.create.", false, false },
        { "orders..create", false, false },
        { ".", false, false },
        { "..", false, false },
        { "orders.2fa", false, false },
        { "2orders.create", false, false },
        { "orders.-create", false, false },
        { "orders._create", false, false },
        { "orders/create", false, false },
        { "orders create", false, false },
        { "orders.create\n", false, false },
        { " orders.create", false, false },
        { "orders.créer", false, false },
        { "заказы.создать", false, false },
        { "orders.create!", false, false },
        { "orders:order:created", false, false },
        { "orders.order.created.now", true, false },
        { "orders.ORDER.created", false, false },
        { "orders\u200b.create", false, false },
        { new string('a', 400) + "." + new string('b', 400), true, false },
        { new string('a', 300) + "." + new string('b', 300) + "." + new string('c', 300), true, true },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void The_runtime_judges_the_table_as_expected(string name, bool procedure, bool @event)
    {
        Assert.Equal(procedure, ProcedureName.IsValid(name));
        Assert.Equal(@event, EventName.IsValid(name));
    }

    [Fact]
    public async Task The_analyzer_judges_the_same_table_as_the_runtime()
    {
        var rows = Names.Select(row => ((string)row[0], (bool)row[1], (bool)row[2])).ToList();
        var calls = new System.Text.StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var literal = SymbolDisplay.FormatLiteral(rows[i].Item1, quote: true);
            calls.AppendLine(CultureInfo.InvariantCulture, $"        communication.Register<int, int>({literal}, (ctx, x) => Task.FromResult(x)); // {i}");
            calls.AppendLine(CultureInfo.InvariantCulture, $"        await bus.PublishAsync(ctx, {literal}, 1); // {i}");
        }

        var source = Usings + "class Module { async Task M(ICommunication communication, IEventBus bus, Context ctx) {\n" + calls + "} static void Main() { } }";
        var diagnostics = await SingleAnalyzerRun.RunAsync(new InvalidProcedureOrEventNameAnalyzer(), source);

        var reported = diagnostics.Where(d => d.Id == DiagnosticIds.InvalidProcedureOrEventName)
            .Select(d =>
            {
                var line = d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString();
                var row = int.Parse(line[(line.LastIndexOf("// ", StringComparison.Ordinal) + 3)..], CultureInfo.InvariantCulture);
                return (row, isEvent: line.Contains("PublishAsync", StringComparison.Ordinal));
            })
            .ToHashSet();
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.True(rows[i].Item2 != reported.Contains((i, false)), $"procedure verdict differs for row {i} '{rows[i].Item1}'");
            Assert.True(rows[i].Item3 != reported.Contains((i, true)), $"event verdict differs for row {i} '{rows[i].Item1}'");
        }
    }

    [Theory]
    [InlineData("Orders.Create", false, "orders.create")]
    [InlineData("orders.sendReminder", false, "orders.send-reminder")]
    [InlineData("Billing.Invoices.SendHTTPReminder", false, "billing.invoices.send-httpreminder")]
    [InlineData(".orders..create.", false, "orders.create")]
    [InlineData("orders/create", false, "orders.create")]
    [InlineData("orders:order:created", true, "orders.order.created")]
    [InlineData("orders. create ", false, "orders.create")]
    [InlineData("orders.create now", false, "orders.create-now")]
    [InlineData("pedidos.criação", false, "pedidos.criacao")]
    [InlineData("orders._create", false, "orders.create")]
    [InlineData("Orders.Order.Created", true, "orders.order.created")]
    [InlineData("orders", false, null)]
    [InlineData("orders.create", true, null)]
    [InlineData("orders.order.created.now", true, null)]
    [InlineData("orders.2fa", false, null)]
    [InlineData("заказы.создать", false, null)]
    [InlineData("", false, null)]
    [InlineData("..", false, null)]
    [InlineData("orders.!!", false, null)]
    public void Proposals_are_valid_names_or_none(string name, bool isEvent, string? expected)
    {
        var proposal = NameProposal.For(name, isEvent);

        Assert.Equal(expected, proposal);
        if (proposal is not null)
        {
            Assert.True(isEvent ? EventName.IsValid(proposal) : ProcedureName.IsValid(proposal));
        }
    }

    [Fact]
    public Task Each_call_shape_is_checked_with_its_rule_and_the_message_says_what_is_wrong() => Verify(
        """
        class OrdersModule
        {
            const string Cancel = "orders..cancel";

            async Task M(ICommunication communication, IEventBus bus, Context ctx)
            {
                communication.Register<int, int>({|#0:"Orders.Create"|}, (c, x) => Task.FromResult(x));
                CommunicationExtensions.Register<int, int>(communication, {|#1:"orders"|}, (c, x) => Task.FromResult(x));
                await communication.CallAsync<int>({|#2:Cancel|}, ctx, 1);
                var handle = new Procedure<int, int>({|#3:"orders.2fa"|});
                Procedure<int, int> targetTyped = new({|#4:"orders/ship"|});
                await bus.PublishAsync(ctx, {|#5:"orders.created"|}, 1);
                await bus.SubscribeAsync<int>({|#6:"orders.order.created!"|}, (c, x, ct) => Task.CompletedTask);
                await bus.SubscribeAsync<int>({|#7:"Orders.Order.Shipped"|}, (c, x) => Task.CompletedTask);
                await communication.CallAsync(handle, ctx, 1);
            }
        }
        """,
        Procedure(0, "Orders.Create", "it has an upper-case letter ('O')", "use 'orders.create'"),
        Procedure(1, "orders", "it has one segment; a procedure name has two or more (domain.action)", "use lowercase dot-separated segments such as 'orders.create'"),
        Procedure(2, "orders..cancel", "it has an empty segment ('..')", "use 'orders.cancel'"),
        Procedure(3, "orders.2fa", "segment '2fa' starts with '2' instead of a letter", "use lowercase dot-separated segments such as 'orders.create'"),
        Procedure(4, "orders/ship", "'/' is not allowed (a segment holds a-z, 0-9, '-' and '_')", "use 'orders.ship'"),
        Event(5, "orders.created", "it has 2 segments; an event name has three (domain.entity.verb)", "use 'domain.entity.verb' in lowercase, such as 'orders.order.created'"),
        Event(6, "orders.order.created!", "'!' is not allowed (a segment holds a-z, 0-9, '-' and '_')", "use 'orders.order.created'"),
        Event(7, "Orders.Order.Shipped", "it has an upper-case letter ('O')", "use 'orders.order.shipped'"));

    [Fact]
    public Task Valid_names_handles_non_constant_names_and_look_alikes_are_not_reported() => Verify(
        """
        class OrdersModule
        {
            static readonly Procedure<int, int> Create = new("orders.create");

            async Task M(ICommunication communication, IEventBus bus, Context ctx, string dynamicName)
            {
                communication.Register<int, int>("orders.create", (c, x) => Task.FromResult(x));
                communication.Register(Create, (c, x) => Task.FromResult(x));
                await communication.CallAsync(Create, ctx, 1);
                await communication.CallAsync<int>(dynamicName, ctx, 1);
                await bus.PublishAsync(ctx, "orders.order.created", 1);
                await bus.PublishAsync(ctx, dynamicName, 1);
                new Lookalike().Register("Not A Name");
                await new Lookalike().PublishAsync(ctx, "Not An Event", 1);
            }
        }

        class Lookalike
        {
            public void Register(string name) { }
            public Task PublishAsync<T>(Context ctx, string name, T payload) => Task.CompletedTask;
        }
        """);

    [Fact]
    public async Task Test_projects_are_skipped_unless_included()
    {
        const string Source = Usings + """
            class Tests
            {
                void M(ICommunication communication) => communication.Register<int, int>({|#0:"orders.bad name"|}, (c, x) => Task.FromResult(x));
            }
            """;
        var xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
        var skipped = new MariachiAnalyzerTest<InvalidProcedureOrEventNameAnalyzer>(Source.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal));
        skipped.TestState.AdditionalReferences.Add(xunit);
        await skipped.RunAsync();

        var included = new MariachiAnalyzerTest<InvalidProcedureOrEventNameAnalyzer>(Source).WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(xunit);
        included.ExpectedDiagnostics.Add(Procedure(0, "orders.bad name", "U+0020 is not allowed (a segment holds a-z, 0-9, '-' and '_')", "use 'orders.bad-name'"));
        await included.RunAsync();
    }

    [Fact]
    public Task The_fix_rewrites_the_literal() => VerifyFix(
        """
        class OrdersModule
        {
            void M(ICommunication communication) =>
                communication.Register<int, int>({|#0:"Orders.SendReminder"|}, (c, x) => Task.FromResult(x));
        }
        """,
        """
        class OrdersModule
        {
            void M(ICommunication communication) =>
                communication.Register<int, int>("orders.send-reminder", (c, x) => Task.FromResult(x));
        }
        """,
        Procedure(0, "Orders.SendReminder", "it has an upper-case letter ('O')", "use 'orders.send-reminder'"));

    [Fact]
    public Task The_fix_rewrites_the_const_once_for_all_its_uses_and_leaves_what_it_cannot_fix() => VerifyFix(
        """
        class OrdersModule
        {
            const string Create = Names.Create;
            const string Prefix = "Orders";

            async Task M(ICommunication communication, IEventBus bus, Context ctx)
            {
                communication.Register<int, int>({|#0:Create|}, (c, x) => Task.FromResult(x));
                await communication.CallAsync<int>({|#1:Names.Create|}, ctx, 1);
                await communication.CallAsync<int>({|#2:Prefix + ".Cancel"|}, ctx, 1);
                await bus.PublishAsync(ctx, {|#3:"orders.created"|}, 1);
                const string local = "Orders.Ship";
                await communication.CallAsync<int>({|#4:local|}, ctx, 1);
            }
        }

        static class Names
        {
            public const string Create = ("Orders.Create");
        }
        """,
        """
        class OrdersModule
        {
            const string Create = Names.Create;
            const string Prefix = "Orders";

            async Task M(ICommunication communication, IEventBus bus, Context ctx)
            {
                communication.Register<int, int>(Create, (c, x) => Task.FromResult(x));
                await communication.CallAsync<int>(Names.Create, ctx, 1);
                await communication.CallAsync<int>({|#2:Prefix + ".Cancel"|}, ctx, 1);
                await bus.PublishAsync(ctx, {|#3:"orders.created"|}, 1);
                const string local = "orders.ship";
                await communication.CallAsync<int>(local, ctx, 1);
            }
        }

        static class Names
        {
            public const string Create = ("orders.create");
        }
        """,
        [
            Procedure(0, "Orders.Create", "it has an upper-case letter ('O')", "use 'orders.create'"),
            Procedure(1, "Orders.Create", "it has an upper-case letter ('O')", "use 'orders.create'"),
            Unfixable[0],
            Unfixable[1],
            Procedure(4, "Orders.Ship", "it has an upper-case letter ('O')", "use 'orders.ship'"),
        ],
        Unfixable);

    /// <summary>A concatenation (no single literal to write to) and an event name with no proposal.</summary>
    private static readonly DiagnosticResult[] Unfixable =
    [
        Procedure(2, "Orders.Cancel", "it has an upper-case letter ('O')", "use 'orders.cancel'"),
        Event(3, "orders.created", "it has 2 segments; an event name has three (domain.entity.verb)", "use 'domain.entity.verb' in lowercase, such as 'orders.order.created'"),
    ];

    [Fact]
    public async Task The_fix_rewrites_a_const_declared_in_another_file()
    {
        var test = new MariachiCodeFixTest<InvalidProcedureOrEventNameAnalyzer, InvalidProcedureOrEventNameCodeFix>(string.Empty, string.Empty);
        test.TestState.Sources.Clear();
        test.FixedState.Sources.Clear();
        const string Module = Usings + """
            class OrdersModule
            {
                void M(ICommunication communication) => communication.Register<int, int>({|#0:Names.Create|}, (c, x) => Task.FromResult(x));
            }
            """;
        test.TestState.Sources.Add(("/0/Module.cs", Module));
        test.TestState.Sources.Add(("/0/Names.cs", "static class Names { public const string Create = \"Orders.Create\"; }"));
        test.FixedState.Sources.Add(("/0/Module.cs", Module.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)));
        test.FixedState.Sources.Add(("/0/Names.cs", "static class Names { public const string Create = \"orders.create\"; }"));
        test.ExpectedDiagnostics.Add(Procedure(0, "Orders.Create", "it has an upper-case letter ('O')", "use 'orders.create'"));
        await test.RunAsync();
    }
}
