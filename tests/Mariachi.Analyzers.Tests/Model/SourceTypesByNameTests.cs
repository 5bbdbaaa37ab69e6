using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>The per-compilation index of source types by simple name that replaced <c>GetSymbolsWithName</c>.</summary>
public sealed class SourceTypesByNameTests
{
    private const string Source = """
        namespace Shop.Orders
        {
            public class OrderService
            {
                public class Row { }
                private struct Cursor { public class Row { } }
            }

            public interface IOrderService { }
            public enum OrderState { Open }
            public delegate void OrderChanged();
            public class Generic<T> { }
        }

        namespace Shop.Billing
        {
            public class OrderService { }
        }

        public class Global { }
        """;

    private static SourceTypesByName Index(out Compilation compilation)
    {
        compilation = CSharpCompilation.Create(
            "Index",
            [CSharpSyntaxTree.ParseText(Source)],
            TestReferences.NetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return SourceTypesByName.Of(compilation, CancellationToken.None);
    }

    [Fact]
    public void Finds_every_source_type_of_a_name_across_namespaces_and_nesting()
    {
        var index = Index(out _);

        Assert.Equal(
            ["Shop.Billing.OrderService", "Shop.Orders.OrderService"],
            index.Find("OrderService").Select(t => t.ToDisplayString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Shop.Orders.OrderService.Cursor.Row", "Shop.Orders.OrderService.Row"],
            index.Find("Row").Select(t => t.ToDisplayString()).Order(StringComparer.Ordinal));
        Assert.Single(index.Find("IOrderService"));
        Assert.Single(index.Find("OrderState"));
        Assert.Single(index.Find("OrderChanged"));
        Assert.Single(index.Find("Global"));
    }

    [Fact]
    public void Answers_by_metadata_free_simple_name_only()
    {
        var index = Index(out _);

        Assert.Single(index.Find("Generic"));
        Assert.Empty(index.Find("Generic`1"));
        Assert.Empty(index.Find("Shop.Orders.OrderService"));
        Assert.Empty(index.Find("orderservice"));
        Assert.Empty(index.Find("Object"));
    }

    [Fact]
    public void Agrees_with_GetSymbolsWithName_for_types()
    {
        var index = Index(out var compilation);

        foreach (var name in new[] { "OrderService", "Row", "IOrderService", "OrderState", "OrderChanged", "Generic", "Global", "Cursor", "Missing" })
        {
            var expected = compilation.GetSymbolsWithName(name, SymbolFilter.Type).Select(s => s.ToDisplayString()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, index.Find(name).Select(t => t.ToDisplayString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Is_built_once_per_compilation()
    {
        var first = Index(out var compilation);

        Assert.Same(first, SourceTypesByName.Of(compilation, CancellationToken.None));
        Assert.NotSame(first, SourceTypesByName.Of(compilation.Clone(), CancellationToken.None));
    }
}
