using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0008ContextNotFirstTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<ContextNotFirstAnalyzer>.VerifyAsync(source, expected);

    private static DiagnosticResult Moved(int markup, string method, string parameter, int position) =>
        new DiagnosticResult(DiagnosticDescriptors.ContextNotFirst).WithLocation(markup)
            .WithArguments(method, $"takes its Context '{parameter}' as parameter {position}; move it first");

    private static DiagnosticResult Missing(int markup, string method) =>
        new DiagnosticResult(DiagnosticDescriptors.ContextNotFirst).WithLocation(markup)
            .WithArguments(method, "does not take a Context; take the caller's Context as its first parameter");

    [Fact]
    public Task A_Context_that_is_not_first_is_reported_at_the_parameter() => Verify(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public Task CreateAsync(string customer, Context {|#0:ctx|}) => Task.CompletedTask;
            internal ValueTask<int> CountAsync(string customer, CancellationToken ct, Context {|#1:flow|}) => default;
            public Task FirstAsync(Context ctx, string customer) => Task.CompletedTask;
        }
        """,
        Moved(0, "CreateAsync", "ctx", 2),
        Moved(1, "CountAsync", "flow", 3));

    [Fact]
    public Task An_operation_without_a_Context_is_reported_at_its_name() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public Task {|#0:CreateAsync|}(string customer) => Task.CompletedTask;
            public ValueTask {|#1:PingAsync|}() => default;
            public Task<int> {|#2:CountAsync|}() => Task.FromResult(0);
            public ValueTask<int> {|#3:SumAsync|}(int a) => new(a);
            public async void {|#4:Fire|}(int times) { await Task.Yield(); }
            public static Task {|#5:WarmAsync|}() => Task.CompletedTask;
        }
        """,
        Missing(0, "CreateAsync"),
        Missing(1, "PingAsync"),
        Missing(2, "CountAsync"),
        Missing(3, "SumAsync"),
        Missing(4, "Fire"),
        Missing(5, "WarmAsync"));

    [Fact]
    public Task Private_protected_synchronous_and_non_operation_members_are_not_reported() => Verify(
        """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public OrderService() { }
            private Task SaveAsync(string customer) => Task.CompletedTask;
            protected Task AuditAsync(string customer) => Task.CompletedTask;
            public int Count(string customer) => 0;
            public void Log(string customer) { }
            public Task<int> Pending => Task.FromResult(0);
            public Func<Task> Later { get; } = () => Task.CompletedTask;
            public void Run()
            {
                Task LocalAsync(string x) => Task.CompletedTask;
                Func<string, Task> lambda = async x => await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Types_that_are_not_services_records_and_data_classes_are_not_reported() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderHelper
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
        }
        public record OrderService(string Name)
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
        }
        public class ShippingService
        {
            public string Name { get; set; } = "";
        }
        """);

    [Fact]
    public Task Interface_members_are_reported_once_at_the_interface_and_not_at_implementations_or_overrides() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderService
        {
            Task {|#0:CreateAsync|}(string customer);
            Task ArchiveAsync(int id, Context {|#1:ctx|});
        }
        public class OrderService : IOrderService
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
            public virtual Task ArchiveAsync(int id, Context ctx) => Task.CompletedTask;
            public virtual Task {|#2:PurgeAsync|}() => Task.CompletedTask;
        }
        public class AuditedOrderService : OrderService
        {
            public override Task ArchiveAsync(int id, Context ctx) => Task.CompletedTask;
            public override Task PurgeAsync() => Task.CompletedTask;
        }
        """,
        Missing(0, "CreateAsync"),
        Moved(1, "ArchiveAsync", "ctx", 2),
        Missing(2, "PurgeAsync"));

    [Fact]
    public Task An_implementation_of_an_interface_that_is_not_a_service_is_reported_at_the_implementation() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public interface IOrderOperations
        {
            Task CreateAsync(string customer);
        }
        public class OrderService : IOrderOperations
        {
            public Task {|#0:CreateAsync|}(string customer) => Task.CompletedTask;
        }
        """,
        Missing(0, "CreateAsync"));

    [Fact]
    public Task Overrides_and_implementations_of_members_declared_outside_the_compilation_are_not_reported() => Verify(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        public abstract class PollingBase
        {
            public abstract Task TickAsync(CancellationToken ct);
        }
        public class CleanupService : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => default;
        }
        public class ReportService : IComparable<ReportService>, IAsyncDisposable
        {
            public int CompareTo(ReportService? other) => 0;
            ValueTask IAsyncDisposable.DisposeAsync() => default;
            public override string ToString() => "";
        }
        """);

    [Fact]
    public Task Procedure_modules_are_operations_owners_whatever_their_name() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        public class OrdersModule : IProcedureModule
        {
            public void Register(ICommunication communication) { }
            public Task<int> {|#0:CountAsync|}(string tenant) => Task.FromResult(0);
            public Task<int> CreateAsync(Context ctx, string customer) => Task.FromResult(1);
        }
        """,
        Missing(0, "CountAsync"));

    [Fact]
    public Task Nothing_is_reported_where_no_code_can_reach_a_Context()
    {
        // References Mariachi.Abstractions but names nothing of it: a project that has not adopted Mariachi yet.
        const string Source = """
            using System.Threading.Tasks;
            public class OrderService
            {
                public Task CreateAsync(string customer) => Task.CompletedTask;
            }
            """;
        var withoutMariachi = new MariachiAnalyzerTest<ContextNotFirstAnalyzer>(Source, mariachi: false);
        return Task.WhenAll(Verify(Source), withoutMariachi.RunAsync());
    }

    [Fact]
    public Task Test_projects_are_skipped_unless_included()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Mariachi;
            public class FakeOrderService
            {
                public Task {|#0:CreateAsync|}(string customer) => Task.CompletedTask;
            }
            """;
        var testProject = new MariachiAnalyzerTest<ContextNotFirstAnalyzer>(Source.Replace("{|#0:CreateAsync|}", "CreateAsync", StringComparison.Ordinal));
        testProject.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var included = new MariachiAnalyzerTest<ContextNotFirstAnalyzer>(Source).WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        included.ExpectedDiagnostics.Add(Missing(0, "CreateAsync"));
        return Task.WhenAll(testProject.RunAsync(), included.RunAsync());
    }

    [Fact]
    public Task Service_options_decide_what_a_service_is() => new MariachiAnalyzerTest<ContextNotFirstAnalyzer>(
        """
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderManager
        {
            public Task {|#0:CreateAsync|}(string customer) => Task.CompletedTask;
        }
        public class LegacyService
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
        }
        """)
    {
        ExpectedDiagnostics = { Missing(0, "CreateAsync") },
    }.WithEditorConfig("mariachi.service_suffixes = Service, Manager\nmariachi.service_exclusions = LegacyService").RunAsync();

    [Fact]
    public Task Generated_code_is_not_reported() => Verify(
        """
        // <auto-generated/>
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            public Task CreateAsync(string customer) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Generated_members_types_and_hidden_lines_are_not_reported() => Verify(
        """
        using System.CodeDom.Compiler;
        using System.Threading.Tasks;
        using Mariachi;
        public class OrderService
        {
            [GeneratedCode("tool", "1.0")]
            public Task GeneratedAsync(string customer) => Task.CompletedTask;

        #line hidden
            public Task HiddenAsync(string customer) => Task.CompletedTask;
        #line default

            public Task {|#0:WrittenAsync|}(string customer) => Task.CompletedTask;
        }

        [GeneratedCode("tool", "1.0")]
        public class ClientService
        {
            public Task SendAsync(string customer) => Task.CompletedTask;
        }
        """,
        Missing(0, "WrittenAsync"));
}
