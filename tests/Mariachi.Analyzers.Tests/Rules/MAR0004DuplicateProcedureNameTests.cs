using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0004DuplicateProcedureNameTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;

        """;

    private const string Handlers = """

        static class Handlers
        {
            public static Task<int> H(Context ctx, int input) => Task.FromResult(input);
        }
        """;

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        VerifySources([source], expected);

    private static Task VerifySources(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<DuplicateProcedureNameAnalyzer>(string.Empty);
        test.TestState.Sources.Clear();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", Usings + sources[i] + (i == 0 ? Handlers : string.Empty)));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A MAR0004 at markup location <paramref name="primary"/> with the <paramref name="others"/> as additional locations.</summary>
    private static DiagnosticResult Duplicate(string name, int primary, params int[] others)
    {
        var result = new DiagnosticResult(DiagnosticDescriptors.DuplicateProcedureName).WithLocation(primary);
        foreach (var other in others)
        {
            result = result.WithLocation(other);
        }

        return result.WithArguments(name, string.Empty);
    }

    [Fact]
    public Task Two_registrations_in_one_method_report_each_other() => Verify(
        """
        using static Handlers;
        class OrdersModule
        {
            void Register(ICommunication communication)
            {
                {|#0:communication.Register<int, int>("orders.create"|}, H);
                {|#1:communication.Register<int, int>("orders.create"|}, (ctx, input, ct) => Task.FromResult(input));
                communication.Register<int, int>("orders.cancel", H);
            }
        }
        """,
        Duplicate("orders.create", 0, 1),
        Duplicate("orders.create", 1, 0));

    [Fact]
    public Task Registrations_in_different_methods_and_files_are_found_at_compilation_end() => VerifySources(
        [
            """
            using static Handlers;
            class OrdersModule
            {
                void Register(ICommunication communication) => {|#0:communication.Register<int, int>("orders.create"|}, H);
                void RegisterAgain(ICommunication communication) => {|#1:communication.Register<int, int>("orders.create"|}, H);
            }
            """,
            """
            class BillingModule
            {
                void Register(ICommunication communication) => {|#2:communication.Register<int, int>("orders.create"|}, Handlers.H);
                void Other(ICommunication communication) => communication.Register<int, int>("billing.charge", Handlers.H);
            }
            """,
        ],
        Duplicate("orders.create", 0, 1, 2),
        Duplicate("orders.create", 1, 0, 2),
        Duplicate("orders.create", 2, 0, 1));

    [Fact]
    public Task A_registration_reported_in_its_method_is_not_reported_again_at_compilation_end() => VerifySources(
        [
            """
            using static Handlers;
            class OrdersModule
            {
                void Register(ICommunication communication)
                {
                    {|#0:communication.Register<int, int>("orders.create"|}, H);
                    {|#1:communication.Register<int, int>("orders.create"|}, H);
                }
            }
            """,
            """
            class BillingModule
            {
                void Register(ICommunication communication) => {|#2:communication.Register<int, int>("orders.create"|}, Handlers.H);
            }
            """,
        ],
        Duplicate("orders.create", 0, 1),
        Duplicate("orders.create", 1, 0),
        Duplicate("orders.create", 2, 0, 1));

    [Fact]
    public Task Branches_of_one_if_else_or_switch_are_exclusive() => Verify(
        """
        using static Handlers;
        class OrdersModule
        {
            void Register(ICommunication communication, bool fast, int mode)
            {
                if (fast)
                {
                    communication.Register<int, int>("orders.create", H);
                }
                else if (mode > 1)
                {
                    communication.Register<int, int>("orders.create", H);
                }
                else
                {
                    communication.Register<int, int>("orders.create", H);
                }

                switch (mode)
                {
                    case 0:
                    case 1:
                        communication.Register<int, int>("orders.cancel", H);
                        break;
                    case 2 when fast:
                        if (mode > 0) { communication.Register<int, int>("orders.cancel", H); }
                        break;
                    default:
                        communication.Register<int, int>("orders.cancel", H);
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task Registrations_in_one_branch_or_after_an_if_still_clash() => Verify(
        """
        using static Handlers;
        class OrdersModule
        {
            void Register(ICommunication communication, bool fast, int mode)
            {
                if (fast)
                {
                    {|#0:communication.Register<int, int>("orders.create"|}, H);
                }

                {|#1:communication.Register<int, int>("orders.create"|}, H);

                switch (mode)
                {
                    case 0:
                        {|#2:communication.Register<int, int>("orders.cancel"|}, H);
                        {|#3:communication.Register<int, int>("orders.cancel"|}, H);
                        break;
                    default:
                        communication.Register<int, int>("orders.cancel", H);
                        break;
                }
            }
        }
        """,
        Duplicate("orders.create", 0, 1),
        Duplicate("orders.create", 1, 0),
        Duplicate("orders.cancel", 2, 3),
        Duplicate("orders.cancel", 3, 2));

    [Fact]
    public Task Constants_nameof_interpolation_and_concatenation_are_the_same_name() => Verify(
        """
        using static Handlers;
        class OrdersModule
        {
            const string Prefix = "orders";
            const string Create = Prefix + ".create";

            void Register(ICommunication communication)
            {
                {|#0:communication.Register<int, int>("orders.create"|}, H);
                {|#1:communication.Register<int, int>(Create|}, H);
                {|#2:communication.Register<int, int>($"{Prefix}.create"|}, H);
                {|#3:communication.Register<int, int>(name: Prefix + ".create"|}, handler: H);
                {|#4:communication.Register<int, int>(nameof(Ping)|}, H);
                {|#5:communication.Register<int, int>("Ping"|}, H);
            }

            void Ping() { }
        }
        """,
        Duplicate("orders.create", 0, 1, 2, 3),
        Duplicate("orders.create", 1, 0, 2, 3),
        Duplicate("orders.create", 2, 0, 1, 3),
        Duplicate("orders.create", 3, 0, 1, 2),
        Duplicate("Ping", 4, 5),
        Duplicate("Ping", 5, 4));

    [Fact]
    public Task Procedure_handles_created_with_a_constant_carry_their_name() => VerifySources(
        [
            """
            using static Handlers;
            static class Procedures
            {
                public static readonly Procedure<int, int> Create = new Procedure<int, int>("orders.create");
                public static Procedure<int, int> Mutable = new("orders.create");
            }

            class OrdersModule
            {
                void Register(ICommunication communication)
                {
                    {|#0:communication.Register(new Procedure<int, int>("orders.create")|}, H);
                    {|#1:communication.Register(Procedures.Create|}, H);
                    var local = new Procedure<int, int>("orders.create");
                    {|#2:communication.Register(local|}, H);
                    var reassigned = new Procedure<int, int>("orders.create");
                    reassigned = new Procedure<int, int>("orders.other");
                    communication.Register(reassigned, H);
                    communication.Register(Procedures.Mutable, H);
                }
            }
            """,
            """
            static class Names
            {
                public const string Ship = "orders.ship";
            }

            static class ShippingProcedures
            {
                public static readonly Procedure<int, int> Ship = new(Names.Ship);
                public static Procedure<int, int> ShipProperty { get; } = new Procedure<int, int>($"orders.{"ship"}");
                public static Procedure<int, int> Create => new("orders.create");
            }

            class ShippingModule
            {
                void Register(ICommunication communication) => {|#3:communication.Register(ShippingProcedures.Ship|}, Handlers.H);
                void RegisterAgain(ICommunication communication) => {|#4:communication.Register(ShippingProcedures.ShipProperty|}, Handlers.H);
            }
            """,
            """
            class LateModule
            {
                void Register(ICommunication communication) => {|#5:communication.Register(ShippingProcedures.Create|}, Handlers.H);
            }
            """,
        ],
        Duplicate("orders.create", 0, 1, 2),
        Duplicate("orders.create", 1, 0, 2),
        Duplicate("orders.create", 2, 0, 1),
        Duplicate("orders.ship", 3, 4),
        Duplicate("orders.ship", 4, 3),
        Duplicate("orders.create", 5, 0, 1, 2));

    [Fact]
    public Task A_field_whose_initializer_needs_binding_is_resolved_at_compilation_end() => VerifySources(
        [
            """
            class OrdersModule
            {
                void Register(ICommunication communication) => {|#0:communication.Register(Shop.Procedures.Create|}, Handlers.H);
                void RegisterAgain(ICommunication communication) => {|#1:communication.Register<int, int>("orders.create"|}, Handlers.H);
            }
            """,
            """
            namespace Shop
            {
                using N = Shop.Names;

                static class Names { public const string Create = "orders.create"; }

                static class Procedures
                {
                    public static readonly Procedure<int, int> Create = new(N.Create);
                }
            }

            namespace Other
            {
                static class Names { public const string Create = "other.create"; }
            }
            """,
        ],
        Duplicate("orders.create", 0, 1),
        Duplicate("orders.create", 1, 0));

    [Fact]
    public Task Implementations_of_ICommunication_and_constrained_generics_count() => Verify(
        """
        using System.Collections.Generic;
        using static Handlers;
        sealed class LocalCommunication : ICommunication
        {
            public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler) { }
            public void Register(string name) { }
            public ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken) => throw new NotImplementedException();
            public ValueTask<TOut> CallAsync<TIn, TOut>(Procedure<TIn, TOut> procedure, Context context, TIn input, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            public bool Has(string name) => false;
            public IReadOnlyList<ProcedureInfo> Procedures => Array.Empty<ProcedureInfo>();
            public void Use(IProcedureMiddleware middleware, string? procedure = null) { }
        }

        class OrdersModule
        {
            static ValueTask<int> Core(Context ctx, int input, CancellationToken cancellationToken) => new(input);

            void Register(LocalCommunication local)
            {
                // The implementation's own Register (the interface's one), then a Register of its own that is not.
                {|#0:local.Register<int, int>("orders.create"|}, Core);
                local.Register("orders.create");
                local.Register("orders.create");
            }

            void Generic<T>(T communication) where T : ICommunication
            {
                // An extension overload, on a constrained type parameter.
                {|#1:communication.Register<int, int>("orders.create"|}, H);
            }
        }
        """,
        Duplicate("orders.create", 0, 1),
        Duplicate("orders.create", 1, 0));

    [Fact]
    public Task Every_Register_shape_counts_and_a_look_alike_extension_does_not() => Verify(
        """
        using static Handlers;

        static class LookAlike
        {
            public static void Register<TIn, TOut>(this ICommunication communication, string name, Func<TIn, TOut> handler) { }
        }

        class OrdersModule
        {
            static readonly Procedure<int, int> Create = new("orders.create");

            static ValueTask<int> Core(Context ctx, int input, CancellationToken cancellationToken) => new(input);

            void Register(ICommunication communication)
            {
                {|#0:communication.Register<int, int>("orders.create"|}, Core);
                {|#1:communication.Register<int, int>("orders.create"|}, (ctx, input) => ValueTask.FromResult(input));
                {|#2:communication.Register(Create|}, (Context ctx, int input, CancellationToken ct) => Task.FromResult(input));
                {|#3:CommunicationExtensions.Register<int, int>(communication, "orders.create"|}, H);
                communication.Register<int, int>("orders.create", input => input);
            }
        }
        """,
        Duplicate("orders.create", 0, 1, 2, 3),
        Duplicate("orders.create", 1, 0, 2, 3),
        Duplicate("orders.create", 2, 0, 1, 3),
        Duplicate("orders.create", 3, 0, 1, 2));

    [Fact]
    public Task Distinct_and_non_constant_names_are_not_reported() => Verify(
        """
        using static Handlers;
        class OrdersModule
        {
            static string Dynamic = "orders.create";

            void Register(ICommunication communication, string name)
            {
                communication.Register<int, int>("orders.create", H);
                communication.Register<int, int>("orders.Create", H);
                communication.Register<int, int>(name, H);
                communication.Register<int, int>(name, H);
                communication.Register<int, int>(Dynamic, H);
                communication.Register<int, int>(new Procedure<int, int>(name), H);
                communication.Register<int, int>(new Procedure<int, int>(name), H);
            }
        }
        """);

    [Fact]
    public async Task Does_nothing_without_Mariachi()
    {
        var test = new MariachiAnalyzerTest<DuplicateProcedureNameAnalyzer>(
            """
            namespace Mariachi.Communication
            {
                public interface ICommunication { void Register<TIn, TOut>(string name, System.Func<TIn, TOut> handler); }
            }

            class OrdersModule
            {
                void Register(Mariachi.Communication.ICommunication communication)
                {
                    communication.Register<int, int>("orders.create", x => x);
                    communication.Register<int, int>("orders.create", x => x);
                }
            }
            """,
            mariachi: false);
        await test.RunAsync();
    }

    [Fact]
    public void The_shared_helper_reads_constant_names_and_rejects_other_calls()
    {
        var tree = CSharpSyntaxTree.ParseText(Usings + """
            class OrdersModule
            {
                const string Name = "orders.create";
                static readonly Procedure<int, int> Handle = new("orders.handle");

                void Register(ICommunication c, string dynamic)
                {
                    c.Register<int, int>(Name, Handlers.H);
                    c.Register(Handle, Handlers.H);
                    c.Register<int, int>(dynamic, Handlers.H);
                    c.Has(Name);
                }
            }
            """ + Handlers);
        var compilation = CSharpCompilation.Create("Helper", [tree], [.. TestReferences.NetCore, .. TestReferences.Mariachi]);
        var model = compilation.GetSemanticModel(tree);
        var symbols = KnownSymbols.Create(compilation);

        var names = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(node => model.GetOperation(node))
            .OfType<IInvocationOperation>()
            .Where(invocation => invocation.TargetMethod.Name is "Register" or "Has")
            .Select(invocation => ProcedureModel.GetConstantName(invocation, symbols))
            .ToList();

        Assert.Equal(["orders.create", "orders.handle", null, null], names);
    }

    [Theory]
    [InlineData("class S { void M(ICommunication c) { c.Register<int, int>(\"orders.create\", (ctx, x) => ); c.Register<int,int>(\"orders.create\", } }")]
    [InlineData("class S { void M(ICommunication c) { c.Register(new Procedure<int, int>(), null); c.Register(, ); } }")]
    [InlineData("class S { const string N = \"orders.\" + ; void M(ICommunication c) { c.Register<int, int>(N, (x, y) => Task.FromResult(1)); c.Register<int, int>(N, null); } }")]
    [InlineData("class S { static readonly Procedure<int, int> P = new(; void M(ICommunication c) { c.Register(P, null); c.Register(P, null); } }")]
    [InlineData("class S { static readonly Procedure<int, int> A = B, B = A; void M(ICommunication c) { c.Register(A, null); c.Register(B, null); } }")]
    [InlineData("class S { void M(ICommunication c, bool b) { if (b) c.Register<int, int>(\"x\", null) else c.Register<int, int>(\"x\", null); switch (1) { case 1: c.Register<int,int>(\"y\" } }")]
    [InlineData("class S { void M(Missing c) { c.Register<int, int>(\"x\", null); c.Register<int, int>(\"x\", null); } }")]
    [InlineData("}}}{{{ c.Register<int, int>(\"x\"")]
    public async Task Half_typed_code_never_throws(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new DuplicateProcedureNameAnalyzer(), Usings + code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>A library registering orders.create and orders.get, built with the catalog generator.</summary>
    private static readonly Lazy<MetadataReference> OrdersServices = new(() => CatalogCompilations.Library("Orders.Services", """
        namespace Orders;
        public static class Procedures { public static readonly Procedure<int, int> Get = new("orders.get"); }
        class Module
        {
            void Map(ICommunication c)
            {
                c.Register<int, int>("orders.create", (ctx, x) => Task.FromResult(x));
                c.Register(Procedures.Get, (ctx, x) => Task.FromResult(x));
            }
        }
        """));

    private static Task VerifyWithReference(string source, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<DuplicateProcedureNameAnalyzer>(Usings + source + Handlers);
        test.TestState.AdditionalReferences.Add(OrdersServices.Value);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult InReference(string name, int location) =>
        new DiagnosticResult(DiagnosticDescriptors.DuplicateProcedureNameInMember).WithLocation(location).WithArguments(name, " (also by referenced assembly 'Orders.Services')");

    [Fact]
    public Task A_name_in_a_referenced_catalog_is_a_duplicate_at_the_local_registration() => VerifyWithReference(
        """
        static class Names { public const string Get = "orders.get"; }
        class Local
        {
            static readonly Procedure<int, int> Create = new("orders.create");
            void Map(ICommunication c, Context ctx)
            {
                {|#0:c.Register(Create|}, Handlers.H);
                {|#1:c.Register<int, int>(Names.Get|}, Handlers.H);
                c.Register<int, int>("orders.list", Handlers.H);
                c.CallAsync<int>("orders.create", ctx, 1);
            }
        }
        """,
        InReference("orders.create", 0),
        InReference("orders.get", 1));

    [Fact]
    public Task A_name_registered_locally_and_in_a_referenced_catalog_reports_both_rules() => VerifyWithReference(
        """
        class Local
        {
            void Map(ICommunication c)
            {
                {|#0:c.Register<int, int>("orders.create"|}, Handlers.H);
                {|#1:c.Register<int, int>("orders.create"|}, Handlers.H);
            }
        }
        """,
        InReference("orders.create", 0),
        InReference("orders.create", 1),
        new DiagnosticResult(DiagnosticDescriptors.DuplicateProcedureNameInMember).WithLocation(0).WithLocation(1).WithArguments("orders.create", string.Empty),
        new DiagnosticResult(DiagnosticDescriptors.DuplicateProcedureNameInMember).WithLocation(1).WithLocation(0).WithArguments("orders.create", string.Empty));
}
