using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0014ServiceNotExposedTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.Extensions.Hosting;

        """;

    /// <summary>A registration, so the compilation registers at least one procedure.</summary>
    private const string Registration = """

        static class Ping
        {
            public static void Register(ICommunication communication) =>
                communication.Register<int, int>("system.ping", (ctx, x) => Task.FromResult(x));
        }
        """;

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<ServiceNotExposedAnalyzer>.VerifyAsync(Usings + source + Registration, expected);

    private static DiagnosticResult NotExposed(int location, string service) =>
        new DiagnosticResult(DiagnosticDescriptors.ServiceNotExposed).WithLocation(location).WithArguments(service);

    [Fact]
    public Task A_service_called_from_a_handler_lambda_is_exposed_and_one_nothing_reaches_is_reported() => Verify(
        """
        public sealed class OrderService
        {
            public Task<int> CreateAsync(Context ctx, int input) => Task.FromResult(input);
        }

        public sealed class {|#0:InvoiceService|}
        {
            public Task<int> SendAsync(Context ctx, int input) => Task.FromResult(input);
        }

        static class Registrations
        {
            public static void Register(ICommunication communication, OrderService orders) =>
                communication.Register<int, int>("orders.create", (ctx, input) =>
                {
                    var created = orders.CreateAsync(ctx, input);
                    return created;
                });
        }
        """,
        NotExposed(0, "InvoiceService"));

    [Fact]
    public Task A_method_group_handler_exposes_its_type_and_an_interface_call_exposes_the_implementation() => Verify(
        """
        public sealed class OrderService
        {
            public Task<int> CreateAsync(Context ctx, int input) => Task.FromResult(input);
        }

        public interface IStockService { Task<int> ReserveAsync(Context ctx, int input); }

        public sealed class StockService : IStockService
        {
            public Task<int> ReserveAsync(Context ctx, int input) => Task.FromResult(input);
        }

        static class Registrations
        {
            public static void Register(ICommunication communication, OrderService orders, IStockService stock)
            {
                communication.Register<int, int>("orders.create", orders.CreateAsync);
                communication.Register<int, int>("stock.reserve", (ctx, x) => stock.ReserveAsync(ctx, x));
            }
        }
        """);

    [Fact]
    public Task A_service_a_procedure_module_holds_is_exposed() => Verify(
        """
        public sealed class ShippingService
        {
            public int Quote(int weight) => weight * 2;
        }

        public sealed class ShippingModule(ShippingService shipping) : IProcedureModule
        {
            public void Register(ICommunication communication) =>
                communication.Register<int, int>("shipping.quote", (ctx, weight) => Task.FromResult(Quote(weight)));

            private int Quote(int weight) => shipping.Quote(weight);
        }
        """);

    [Fact]
    public Task A_service_another_service_or_a_hosted_service_uses_is_exposed_but_its_own_use_does_not_count() => Verify(
        """
        public sealed class OrderService(PricingService pricing)
        {
            public Task<int> CreateAsync(Context ctx, int input) => Task.FromResult(pricing.Price(input));
        }

        public sealed class PricingService
        {
            public int Price(int input) => input;
        }

        public sealed class CleanupService
        {
            public void Run() { }
        }

        public sealed class Cleanup : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                new CleanupService().Run();
                return Task.CompletedTask;
            }
        }

        public sealed class {|#0:AuditService|}
        {
            public static AuditService Create() => new AuditService();
            public void Write() => Create().Write();
        }

        static class Registrations
        {
            public static void Register(ICommunication communication, OrderService orders) =>
                communication.Register<int, int>("orders.create", orders.CreateAsync);
        }
        """,
        NotExposed(0, "AuditService"));

    [Fact]
    public Task Modules_hosted_services_static_abstract_and_data_classes_are_not_candidates_and_a_controller_use_does_not_expose() => Verify(
        """
        public sealed class ReportsModule : IProcedureModule
        {
            public void Register(ICommunication communication) { }
        }

        public sealed class OutboxService : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
        }

        public static class ClockService { public static DateTime Now() => DateTime.UtcNow; }

        public abstract class BaseService { }

        public sealed class OptionsService { public string Name { get; set; } = ""; }

        public sealed class {|#0:ExportService|}
        {
            public void Export() { }
        }

        public sealed class ExportController(ExportService export)
        {
            public void Get() => export.Export();
        }
        """,
        NotExposed(0, "ExportService"));

    [Fact]
    public Task A_compilation_that_registers_nothing_reports_nothing() =>
        MariachiAnalyzerTest<ServiceNotExposedAnalyzer>.VerifyAsync(Usings + """
            public sealed class InvoiceService
            {
                public Task<int> SendAsync(Context ctx, int input) => Task.FromResult(input);
            }

            static class Forwarding
            {
                // Forwards a caller's name: not a registration of this compilation's own.
                public static void Register(ICommunication communication, string name, Func<Context, int, Task<int>> handler) =>
                    communication.Register<int, int>(name, handler);
            }
            """);

    [Fact]
    public async Task Test_projects_are_skipped()
    {
        var test = new MariachiAnalyzerTest<ServiceNotExposedAnalyzer>(Usings + "public sealed class InvoiceService { public void Send() { } }" + Registration);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }
}
