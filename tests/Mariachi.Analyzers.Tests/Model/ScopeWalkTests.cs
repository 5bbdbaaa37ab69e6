using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>
/// The catalog's scope walk finds what binding finds for a name written first, scope by scope (enclosing types and
/// their bases, enclosing namespaces, their declarations' usings, the file's and the global usings), and leaves to the
/// semantic model exactly the cases it cannot be sure of.
/// </summary>
public sealed class ScopeWalkTests
{
    private const string Library = """
        namespace Shop.Contracts
        {
            public sealed class Order { }
            internal sealed class Secret { }
            public sealed class Page<T> { }
        }

        namespace Lib.Other
        {
            public sealed class Order { }
        }

        namespace Shop
        {
            public sealed class Shared { }
        }
        """;

    private const string GlobalUsings = """
        global using Shop.Contracts;
        global using G = System.Guid;
        """;

    private const string Code = """
        using Lib.Other;
        using static System.Math;
        using L = System.Collections.Generic.List<int>;

        namespace Shop.Services
        {
            using Shop.Contracts;

            public class Base
            {
                public class Nested { }
                public const string Inherited = "orders.inherited";
            }

            public sealed class Secret { }

            public class Module<TItem> : Base
            {
                public int Value { get; }

                /*here*/public void Map() { }
            }
        }

        namespace Shop.Contracts
        {
            public sealed class Local { }
        }

        namespace Elsewhere
        {
            public static class Probe
            {
                /*there*/public static void M() { }
            }
        }

        namespace Outer
        {
            using System.Text;

            public sealed class Shared { }

            namespace Deep.Inner
            {
                public static class Probe
                {
                    /*deep*/public static void M() { }
                }
            }
        }
        """;

    public static TheoryData<string, string, int, bool, bool> Names() => new()
    {
        // marker, name, arity, types only, whether the walk decides (else it defers to the semantic model)
        { "here", "Nested", 0, true, true },
        { "here", "Inherited", 0, false, true },
        { "here", "Value", 0, false, true },
        { "here", "Order", 0, true, true },
        { "here", "Local", 0, true, true },
        { "here", "Page", 1, true, true },
        { "here", "Shared", 0, true, true },
        { "here", "Secret", 0, true, true },
        { "here", "Module", 1, true, true },
        { "here", "L", 0, true, true },
        { "here", "G", 0, true, true },
        { "here", "Guid", 0, true, true },
        { "here", "Shop", 0, false, true },
        { "here", "Nowhere", 0, true, true },
        { "here", "TItem", 0, true, false },
        { "here", "Max", 0, false, false },
        { "there", "Order", 0, true, false },
        { "there", "Secret", 0, true, false },
        { "there", "Nested", 0, true, true },
        { "deep", "StringBuilder", 0, true, true },
        { "deep", "Shared", 0, true, true },
        { "deep", "Deep", 0, true, true },
        { "deep", "Probe", 0, false, true },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_walked_finds_what_binding_finds(string marker, string name, int arity, bool typesOnly, bool decides)
    {
        var library = CatalogCompilations.Library("Shop.Lib", Library);
        var compilation = CatalogCompilations.Create("Shop.Services", [Code, GlobalUsings], library);
        var tree = compilation.SyntaxTrees.First();
        var position = tree.ToString().IndexOf($"/*{marker}*/", StringComparison.Ordinal) + marker.Length + 4;
        var model = compilation.GetSemanticModel(tree);

        var walked = new ScopeWalk(model).Find(position, name, arity, typesOnly);

        Assert.Equal(decides, walked is not null);
        if (walked is { } found)
        {
            Assert.Equal(Describe(Bound(model, position, name, arity, typesOnly)), found.Length <= 1 ? Describe(found.Length == 0 ? null : Unaliased(found[0])) : $"{found.Length}: " + string.Join(", ", found.Select(Describe)));
        }
    }

    [Fact]
    public void The_registration_reader_asks_the_semantic_model_only_where_the_walk_defers()
    {
        var compilation = CatalogCompilations.Create("Shop.Services", ["""
            namespace Shop
            {
                public sealed record CreateOrder(string Customer);
                public sealed record Order(Guid Id);

                public static class Procedures
                {
                    public const string PingName = "orders.ping";
                    public static readonly Procedure<CreateOrder, Order> Create = new("orders.create");
                }

                public sealed class Module
                {
                    public void Map(ICommunication c)
                    {
                        c.Register(Procedures.Create, (ctx, input) => Task.FromResult(new Order(Guid.NewGuid())));
                        c.Register<CreateOrder, Order?>(Procedures.PingName, (ctx, input) => Task.FromResult<Order?>(null));
                    }
                }
            }
            """]);
        var tree = compilation.SyntaxTrees.First();
        var reader = new RegistrationReader(compilation.GetSemanticModel(tree), KnownSymbols.Create(compilation));
        var read = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(ProcedureModel.IsRegisterCallSyntax)
            .Select(call => reader.Read(call, CancellationToken.None)?.Name)
            .ToList();

        Assert.Equal(["orders.create", "orders.ping"], read);
        Assert.Equal(0, reader.Lookup.SemanticModelLookups);
    }

    private static ISymbol? Bound(SemanticModel model, int position, string name, int arity, bool typesOnly)
    {
        ExpressionSyntax syntax = arity == 0
            ? SyntaxFactory.IdentifierName(name)
            : SyntaxFactory.GenericName(name).AddTypeArgumentListArguments(Enumerable.Repeat<TypeSyntax>(SyntaxFactory.ParseTypeName("object"), arity).ToArray());
        var symbol = model.GetSpeculativeSymbolInfo(
            position, syntax, typesOnly ? SpeculativeBindingOption.BindAsTypeOrNamespace : SpeculativeBindingOption.BindAsExpression).Symbol;
        return arity > 0 && symbol is INamedTypeSymbol generic ? generic.OriginalDefinition : symbol;
    }

    private static ISymbol Unaliased(ISymbol symbol) => symbol is IAliasSymbol alias ? alias.Target : symbol;

    private static string Describe(ISymbol? symbol) =>
        symbol is null or ITypeSymbol { TypeKind: TypeKind.Error } ? "nothing" : $"{symbol.Kind} {symbol.ToDisplayString()}";
}
