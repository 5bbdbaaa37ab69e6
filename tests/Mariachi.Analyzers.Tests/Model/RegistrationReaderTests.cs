using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>
/// The catalog's reading of a <c>Register</c> call: the name and types of the shapes that declare their types are read
/// without binding the call (its handler), the others are bound whole, and each gives what binding gives.
/// </summary>
public sealed class RegistrationReaderTests
{
    private const string Types = """

        namespace Shop
        {
            public sealed record CreateOrder(string Customer);
            public sealed record Order(Guid Id);

            public static class Procedures
            {
                public const string PingName = "orders.ping";
                public static readonly Procedure<CreateOrder, Order> Create = new("orders.create");
                public static Procedure<Guid, Order?> Get { get; } = new("orders.get");
            }
        }
        """;

    private static (List<string> Read, int FullBinds) Read(string source)
    {
        var compilation = CatalogCompilations.Create("Shop.Services", [source, Types]);
        var symbols = KnownSymbols.Create(compilation);
        var read = new List<string>();
        var fullBinds = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var reader = new RegistrationReader(compilation.GetSemanticModel(tree), symbols);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(ProcedureModel.IsRegisterCallSyntax))
            {
                if (reader.Read(call, CancellationToken.None) is { } registration)
                {
                    read.Add($"{registration.Name}: {registration.Input.ToDisplayString()} -> {registration.Output.ToDisplayString()}");
                }
            }

            fullBinds += reader.FullBinds;
        }

        return (read, fullBinds);
    }

    /// <summary>Each call read by the reader and bound whole, side by side ("name: input -> output" each).</summary>
    private static (List<(string Read, string Bound)> Pairs, int SpeculativeBinds) ReadAndBound(string source)
    {
        var compilation = CatalogCompilations.Create("Shop.Services", [source, Types]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var symbols = KnownSymbols.Create(compilation);
        var pairs = new List<(string, string)>();
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var reader = new RegistrationReader(model, symbols);
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(ProcedureModel.IsRegisterCallSyntax))
        {
            var read = reader.Read(call, CancellationToken.None);
            var bound = CatalogRegistration.Create((IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(call)!, symbols);
            pairs.Add((
                read is null ? "none" : $"{read.Name}: {read.Input.ToDisplayString()} -> {read.Output.ToDisplayString()}",
                bound is null ? "none" : $"{bound.Name}: {bound.Input.ToDisplayString()} -> {bound.Output.ToDisplayString()}"));
        }

        return (pairs, reader.SpeculativeBinds);
    }

    [Fact]
    public void Types_and_names_found_by_look_up_are_those_binding_finds()
    {
        // Keywords, arrays, nullable value and reference types, generic types, aliases, nested and qualified types, a
        // type of the code's namespace hiding an imported one of the same name, a constant of a base class; and shapes a
        // look-up leaves to binding (global::, a tuple).
        var (pairs, speculativeBinds) = ReadAndBound("""
            using O = Shop.Order;
            using Imported;
            using System.Collections.Generic;

            namespace Imported
            {
                public sealed class Hidden { }
            }

            namespace Shop
            {
                public sealed class Hidden { }

                public class BaseNames { public const string Inherited = "orders.inherited"; }

                public sealed class Names : BaseNames { }

                public static class Outer { public sealed class Inner { } }

                static class Module
                {
                    public static void Map(ICommunication c)
                    {
                        c.Register<int?, Order?>("orders.a", (ctx, n) => Task.FromResult<Order?>(null));
                        c.Register<List<string?>, Dictionary<string, int[]>>("orders.b", (ctx, l) => Task.FromResult(new Dictionary<string, int[]>()));
                        c.Register<O, Hidden>("orders.c", (ctx, o) => Task.FromResult(new Hidden()));
                        c.Register<Outer.Inner, System.Collections.Generic.IReadOnlyList<Guid?>>(Names.Inherited, (ctx, i) => Task.FromResult<IReadOnlyList<Guid?>>([]));
                        c.Register<global::Shop.Order, int[,]>("orders.d", (ctx, o) => Task.FromResult(new int[1, 1]));
                        c.Register<(int A, string B), object>(Procedures.PingName, (ctx, t) => Task.FromResult<object>(t));
                        c.Register(Shop.Procedures.Create, (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                    }
                }
            }
            """);

        Assert.Equal(7, pairs.Count);
        Assert.All(pairs, pair => Assert.Equal(pair.Bound, pair.Read));
        Assert.Equal("orders.c: Shop.Order -> Shop.Hidden", pairs[2].Read);

        // global::Shop.Order and the tuple: every other name and type was looked up.
        Assert.Equal(2, speculativeBinds);
    }

    [Fact]
    public void A_handle_gives_its_declared_types_without_binding_the_handler()
    {
        var (read, fullBinds) = Read("""
            namespace Shop;
            sealed class Module
            {
                private readonly ICommunication _communication;
                public Module(ICommunication communication) => _communication = communication;

                public void Map()
                {
                    _communication.Register(Procedures.Create, (ctx, input, ct) => Task.FromResult(new Order(Guid.NewGuid())));
                    _communication.Register(Shop.Procedures.Get, (ctx, id) => Task.FromResult<Order?>(new Order(id)));
                }
            }
            """);

        Assert.Equal(["orders.create: Shop.CreateOrder -> Shop.Order", "orders.get: System.Guid -> Shop.Order?"], read);
        Assert.Equal(0, fullBinds);
    }

    [Fact]
    public void Explicit_type_arguments_give_the_types_without_binding_the_handler()
    {
        var (read, fullBinds) = Read("""
            namespace Shop;
            static class Module
            {
                const string Cancel = "orders.cancel";

                public static void Map(ICommunication c)
                {
                    c.Register<CreateOrder, Order>("orders.place", (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                    c.Register<System.Collections.Generic.IReadOnlyList<CreateOrder>, int[]>(Procedures.PingName, (ctx, all, ct) => Task.FromResult(new int[all.Count]));
                    c.Register<Guid, bool>(Cancel, (ctx, id) => new ValueTask<bool>(true));
                }
            }
            """);

        Assert.Equal(
            [
                "orders.place: Shop.CreateOrder -> Shop.Order",
                "orders.ping: System.Collections.Generic.IReadOnlyList<Shop.CreateOrder> -> int[]",
                "orders.cancel: System.Guid -> bool",
            ],
            read);
        Assert.Equal(0, fullBinds);
    }

    [Fact]
    public void Types_inferred_from_the_handler_and_names_folded_from_constants_are_bound_whole()
    {
        var (read, fullBinds) = Read("""
            namespace Shop;
            static class Module
            {
                public static void Map(ICommunication c)
                {
                    c.Register("orders.count", (Context ctx, CreateOrder input) => Task.FromResult(input.Customer.Length));
                    c.Register<int, int>($"orders.{nameof(Map)}", (ctx, n) => Task.FromResult(n));
                    var handle = new Procedure<int, long>("orders.local");
                    c.Register(handle, (ctx, n) => Task.FromResult((long)n));
                }
            }
            """);

        Assert.Equal(["orders.count: Shop.CreateOrder -> int", "orders.Map: int -> int", "orders.local: int -> long"], read);
        Assert.Equal(3, fullBinds);
    }

    [Fact]
    public void Names_the_body_declares_and_calls_in_lambdas_or_generic_methods_are_bound_whole()
    {
        // Names are bound in the member's header, where a local would not hide the member of the same name.
        var (read, fullBinds) = Read("""
            namespace Shop;
            sealed class Module
            {
                const string PingName = "orders.member";
                private readonly ICommunication c;

                public Module(ICommunication communication) => c = communication;

                public void Map()
                {
                    const string PingName = "orders.shadow";
                    c.Register<int, int>(PingName, (ctx, n) => Task.FromResult(n));
                    var c2 = c;
                    c2.Register<int, int>("orders.local", (ctx, n) => Task.FromResult(n));
                    Action later = () => c.Register<int, int>("orders.lambda", (ctx, n) => Task.FromResult(n));
                    Echo<long>();
                    this.c.Register<int, int>(Module.PingName, (ctx, n) => Task.FromResult(n));
                }

                void Echo<T>() => c.Register<T, T>("orders.echo", (ctx, t) => Task.FromResult(t));
            }
            """);

        Assert.Equal(
            ["orders.shadow: int -> int", "orders.local: int -> int", "orders.lambda: int -> int", "orders.member: int -> int", "orders.echo: T -> T"],
            read);
        Assert.Equal(4, fullBinds);
    }

    [Fact]
    public void A_Register_extension_of_the_code_s_own_in_scope_is_bound_whole_and_is_no_registration()
    {
        // The code's own extension is found before Mariachi's (its namespace is searched first), so the call is not Mariachi's.
        var (read, fullBinds) = Read("""
            namespace Shop;
            static class OwnExtensions
            {
                public static void Register<TIn, TOut>(this ICommunication c, string name, Func<Context, TIn, Task<TOut>> handler) { }
            }

            static class Module
            {
                public static void Map(ICommunication c) =>
                    c.Register<CreateOrder, Order>("orders.own", (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
            }
            """);

        Assert.Empty(read);
        Assert.Equal(1, fullBinds);
    }

    [Fact]
    public void A_call_on_an_implementation_is_bound_whole()
    {
        var (read, fullBinds) = Read("""
            namespace Shop;
            sealed class Local : ICommunication
            {
                public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler) { }
                public ValueTask<TOut> CallAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken = default) => default;
                public bool Has(string name) => false;
                public IReadOnlyList<ProcedureInfo> Procedures => [];
                public void Use(IProcedureMiddleware middleware, string? procedure = null) { }
            }

            static class Module
            {
                public static void Map(Local c) =>
                    c.Register<CreateOrder, Order>("orders.local", (ctx, input, ct) => new ValueTask<Order>(new Order(Guid.NewGuid())));
            }
            """);

        Assert.Equal(["orders.local: Shop.CreateOrder -> Shop.Order"], read);
        Assert.Equal(1, fullBinds);
    }
}
