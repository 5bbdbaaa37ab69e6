using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0010AdapterUsedDirectlyTests
{
    private const string Order = """
        namespace Shop
        {
            public sealed class Order : Mariachi.Data.IEntity
            {
                public System.Guid Id { get; set; }
            }
        }
        """;

    private static MariachiAnalyzerTest<AdapterUsedDirectlyAnalyzer> Test(string source, bool adapters = true)
    {
        var test = new MariachiAnalyzerTest<AdapterUsedDirectlyAnalyzer>(source);
        test.TestState.Sources.Add(("Order.cs", Order));
        if (adapters)
        {
            test.TestState.AdditionalReferences.Add(TestReferences.InMemoryAdapters);
        }

        return test;
    }

    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = Test(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyFix(string source, string fixedSource)
    {
        var test = new MariachiCodeFixTest<AdapterUsedDirectlyAnalyzer, AdapterUsedDirectlyCodeFix>(source, fixedSource);
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("Order.cs", Order));
            state.AdditionalReferences.Add(TestReferences.InMemoryAdapters);
        }

        return test.RunAsync();
    }

    private static DiagnosticResult At(int markup, string site, string adapter, string instead) =>
        new DiagnosticResult(DiagnosticDescriptors.AdapterUsedDirectly).WithLocation(markup)
            .WithArguments(site, adapter, instead);

    [Fact]
    public Task A_creation_is_reported_naming_the_abstraction_and_gets_no_fix() => Verify(
        """
        using Mariachi.Adapters.InMemory.Data;
        using Mariachi.Data;
        using Shop;
        class OrderCatalog
        {
            private readonly IRepository<Order> _orders = {|#0:new InMemoryRepository<Order>()|};
        }
        """,
        At(0, "Creates", "InMemoryRepository<Order>", "'IRepository<Order>'"));

    [Fact]
    public Task Fields_properties_parameters_locals_and_return_types_are_reported_at_the_written_type() => Verify(
        """
        using System.Collections.Generic;
        using Mariachi.Adapters.InMemory.Communication;
        using Mariachi.Adapters.InMemory.Data;
        using Shop;
        class OrderCatalog
        {
            private readonly {|#0:InMemoryRepository<Order>|} _orders = null!, _archive = null!;
            public {|#1:InProcessCommunication|}? Communication { get; set; }
            public List<{|#2:InMemoryRepository<Order>|}> Shards { get; } = new();

            public {|#3:InMemoryRepository<Order>|} Orders({|#4:InProcessCommunication|} communication)
            {
                {|#5:InMemoryRepository<Order>|} local = _orders;
                var inferred = _orders;
                return local;
            }
        }
        """,
        At(0, "Field '_orders' is typed as", "InMemoryRepository<Order>", "'IRepository<Order>'"),
        At(1, "Property 'Communication' is typed as", "InProcessCommunication", "'ICommunication'"),
        At(2, "Property 'Shards' is typed as", "InMemoryRepository<Order>", "'IRepository<Order>'"),
        At(3, "Method 'Orders' returns", "InMemoryRepository<Order>", "'IRepository<Order>'"),
        At(4, "Parameter 'communication' is typed as", "InProcessCommunication", "'ICommunication'"),
        At(5, "Local 'local' is typed as", "InMemoryRepository<Order>", "'IRepository<Order>'"));

    [Fact]
    public Task Lambda_and_local_function_parameters_and_primary_constructor_parameters_are_reported() => Verify(
        """
        using System;
        using Mariachi.Adapters.InMemory.Events;
        class Audit({|#0:InMemoryEventBus|} bus)
        {
            public object Bus => bus;

            void Run()
            {
                Func<{|#1:InMemoryEventBus|}, int> count = ({|#2:InMemoryEventBus|} b) => 0;
                {|#3:InMemoryEventBus|} Local({|#4:InMemoryEventBus|} b) => b;
            }
        }
        """,
        At(0, "Parameter 'bus' is typed as", "InMemoryEventBus", "'IEventBus'"),
        At(1, "Local 'count' is typed as", "InMemoryEventBus", "'IEventBus'"),
        At(2, "Parameter 'b' is typed as", "InMemoryEventBus", "'IEventBus'"),
        At(3, "Local function 'Local' returns", "InMemoryEventBus", "'IEventBus'"),
        At(4, "Parameter 'b' is typed as", "InMemoryEventBus", "'IEventBus'"));

    [Fact]
    public Task Service_registrations_derived_types_abstractions_and_other_uses_are_not_reported() => Verify(
        """
        using System;
        using Mariachi.Adapters.InMemory.Communication;
        using Mariachi.Adapters.InMemory.Data;
        using Mariachi.Communication;
        using Mariachi.Data;
        using Microsoft.Extensions.DependencyInjection;
        using Shop;
        static class Composition
        {
            public static IServiceCollection AddShop(this IServiceCollection services)
            {
                services.AddSingleton<IRepository<Order>>(provider => new InMemoryRepository<Order>());
                services.AddSingleton<ICommunication>(new InProcessCommunication());
                return services;
            }

            static bool IsInProcess(ICommunication communication) =>
                communication is InProcessCommunication || communication.GetType() == typeof(InProcessCommunication);
        }

        class Storefront
        {
            private readonly IRepository<Order> _orders;
            private readonly ICommunication _communication;

            public Storefront(IRepository<Order> orders, ICommunication communication) => (_orders, _communication) = (orders, communication);
        }
        """);

    [Fact]
    public Task Nothing_is_reported_without_an_adapter_assembly_or_in_a_test_project()
    {
        const string Source = """
            using Mariachi.Adapters.InMemory.Data;
            using Shop;
            class Catalog
            {
                private readonly InMemoryRepository<Order> _orders = new InMemoryRepository<Order>();
            }
            """;
        var testProject = Test(Source);
        testProject.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var included = Test(Source.Replace("private readonly InMemoryRepository<Order> _orders = new InMemoryRepository<Order>();", "private readonly {|#0:InMemoryRepository<Order>|} _orders = {|#1:new InMemoryRepository<Order>()|};", StringComparison.Ordinal))
            .WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        included.ExpectedDiagnostics.Add(At(0, "Field '_orders' is typed as", "InMemoryRepository<Order>", "'IRepository<Order>'"));
        included.ExpectedDiagnostics.Add(At(1, "Creates", "InMemoryRepository<Order>", "'IRepository<Order>'"));
        return Task.WhenAll(testProject.RunAsync(), included.RunAsync());
    }

    [Fact]
    public Task Without_the_adapter_reference_the_rule_stays_silent()
    {
        var test = Test(
            """
            class Catalog
            {
                private readonly {|CS0246:InMemoryRepository<Shop.Order>|} _orders = null!;
            }
            """,
            adapters: false);
        return test.RunAsync();
    }

    [Fact]
    public Task The_fix_writes_the_abstraction_and_its_using_and_fix_all_covers_every_written_type() => VerifyFix(
        """
        using Mariachi.Adapters.InMemory.Communication;
        using Mariachi.Adapters.InMemory.Data;
        using Shop;
        class OrderCatalog
        {
            private readonly {|MAR0010:InMemoryRepository<Order>|} _orders;
            private readonly {|MAR0010:InProcessCommunication|} _communication;

            public OrderCatalog({|MAR0010:InMemoryRepository<Order>|} orders, {|MAR0010:InProcessCommunication|} communication)
            {
                _orders = orders;
                _communication = communication;
            }
        }
        """,
        """
        using Mariachi.Adapters.InMemory.Communication;
        using Mariachi.Adapters.InMemory.Data;
        using Mariachi.Communication;
        using Mariachi.Data;
        using Shop;
        class OrderCatalog
        {
            private readonly IRepository<Order> _orders;
            private readonly ICommunication _communication;

            public OrderCatalog(IRepository<Order> orders, ICommunication communication)
            {
                _orders = orders;
                _communication = communication;
            }
        }
        """);
}
