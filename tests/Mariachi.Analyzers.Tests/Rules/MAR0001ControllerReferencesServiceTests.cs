using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0001ControllerReferencesServiceTests
{
    /// <summary>Services, records and a procedure registration shared by the tests.</summary>
    private const string Services = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;

        namespace Shop.Services
        {
            public sealed record CreateOrder(string Sku);
            public sealed record Order(string Id);

            public interface IOrderService
            {
                Task<Order> CreateAsync(Context ctx, CreateOrder input, CancellationToken cancellationToken = default);
                Task<Order[]> ListAsync(Context ctx, string tenant);
                int Count { get; }
            }

            public sealed class OrderService : IOrderService
            {
                public Task<Order> CreateAsync(Context ctx, CreateOrder input, CancellationToken cancellationToken = default) => Task.FromResult(new Order("1"));
                public Task<Order[]> ListAsync(Context ctx, string tenant) => Task.FromResult(new Order[0]);
                public int Count => 0;
                public static string Version = "1";
            }

            public static class OrderModule
            {
                public static void Register(ICommunication communication, IOrderService orders) =>
                    communication.Register<CreateOrder, Order>("orders.create", (ctx, input, ct) => orders.CreateAsync(ctx, input, ct));
            }
        }
        """;

    private static MariachiAnalyzerTest<ControllerReferencesServiceAnalyzer> Test(string source, bool aspNetCore = true, bool mariachi = true, bool withServices = true)
    {
        var test = new MariachiAnalyzerTest<ControllerReferencesServiceAnalyzer>(source, mariachi, aspNetCore);
        if (withServices)
        {
            test.TestState.Sources.Add(("/0/Services.cs", Services));
        }

        return test;
    }

    private static Task Verify(string source, bool aspNetCore = true) => Test(source, aspNetCore).RunAsync();

    private static MariachiCodeFixTest<ControllerReferencesServiceAnalyzer, ControllerReferencesServiceCodeFix> FixTest(string source, string fixedSource)
    {
        var test = new MariachiCodeFixTest<ControllerReferencesServiceAnalyzer, ControllerReferencesServiceCodeFix>(source, fixedSource, aspNetCore: true);
        test.TestState.Sources.Add(("/0/Services.cs", Services));
        test.FixedState.Sources.Add(("/0/Services.cs", Services));

        // The declarations stay reported after the fix (only invocations are rewritten).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test;
    }

    // ---------------------------------------------------------------- positions in a controller type

    [Fact]
    public Task Every_type_position_in_a_ControllerBase_controller_is_reported() => Verify(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            private readonly {|MAR0001:IOrderService|} _orders;
            public {|MAR0001:IOrderService|} Orders { get; }
            private readonly List<{|MAR0001:IOrderService|}> _all = new();

            public OrdersController({|MAR0001:IOrderService|} orders)
            {
                _orders = orders;
                Orders = orders;
                var fromContainer = Resolve<{|MAR0001:IOrderService|}>();
                var type = typeof({|MAR0001:OrderService|});
                var concrete = ({|MAR0001:OrderService|})orders;
                {|MAR0001:OrderService|} maybe = orders as {|MAR0001:OrderService|};
                if (orders is {|MAR0001:OrderService|} typed) { }
                {|MAR0001:IOrderService|}[] array = new {|MAR0001:IOrderService|}[1];
            }

            [HttpGet]
            public IActionResult List([FromServices] {|MAR0001:IOrderService|} service) => Ok();

            private static T Resolve<T>() => default!;
        }
        """);

    [Fact]
    public Task Return_types_out_variables_loops_tuples_and_default_are_reported() => Verify(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            public event Action<{|MAR0001:IOrderService|}>? Changed;
            public {|MAR0001:IOrderService|} this[int index] => null!;
            private {|MAR0001:IOrderService|} Current() => null!;

            public void Use(List<{|MAR0001:IOrderService|}> all, Dictionary<string, {|MAR0001:IOrderService|}> byName)
            {
                foreach ({|MAR0001:IOrderService|} each in all) { }
                if (byName.TryGetValue("a", out {|MAR0001:IOrderService|} found)) { }
                ({|MAR0001:IOrderService|} First, int Count) pair = (found, 1);
                var none = default({|MAR0001:IOrderService|});
                Func<{|MAR0001:IOrderService|}> make = {|MAR0001:IOrderService|} () => found;
                {|MAR0001:IOrderService|} Local() => found;
            }
        }
        """);

    [Fact]
    public Task Invocations_and_member_accesses_are_reported_but_assignments_and_names_are_not() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Mariachi;
        using Shop.Services;

        public sealed class OrdersController({|MAR0001:IOrderService|} orders) : ControllerBase
        {
            private {|MAR0001:IOrderService|} _orders = orders;

            [HttpGet]
            public async System.Threading.Tasks.Task<IActionResult> List()
            {
                var ctx = Context.Create();
                var copy = _orders;
                _orders = orders;
                var count = {|MAR0001:_orders.Count|};
                var list = await {|MAR0001:orders.ListAsync(ctx, "t1")|};
                var version = {|MAR0001:OrderService.Version|};
                System.Func<Context, string, System.Threading.Tasks.Task<Order[]>> group = {|MAR0001:orders.ListAsync|};
                var name = nameof(IOrderService);
                return Ok(list);
            }
        }
        """);

    [Fact]
    public Task Named_controller_without_ASP_NET_or_Mariachi_is_analyzed()
    {
        var test = Test(
            """
            public interface IOrderService { int Count(); }

            public sealed class OrdersController
            {
                private readonly {|MAR0001:IOrderService|} _orders;
                public OrdersController({|MAR0001:IOrderService|} orders) => _orders = orders;
                public int Count() => {|MAR0001:_orders.Count()|};
            }

            public sealed class OrderReport
            {
                private readonly IOrderService _orders;
                public OrderReport(IOrderService orders) => _orders = orders;
                public int Count() => _orders.Count();
            }
            """,
            aspNetCore: false,
            mariachi: false,
            withServices: false);
        return test.RunAsync();
    }

    [Fact]
    public Task ApiController_attribute_makes_a_controller() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        [ApiController]
        [Route("orders")]
        public sealed class Orders
        {
            public Orders({|MAR0001:IOrderService|} orders) { }
        }

        [ApiController]
        public abstract class ApiBase { }

        public sealed class Invoices : ApiBase
        {
            public Invoices({|MAR0001:IOrderService|} orders) { }
        }
        """);

    [Fact]
    public Task Razor_PageModel_is_a_controller() => Verify(
        """
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Shop.Services;

        public sealed class IndexModel({|MAR0001:IOrderService|} orders) : PageModel
        {
            public int Count => {|MAR0001:orders.Count|};
        }
        """);

    [Fact]
    public Task Nested_types_and_generic_constraints_of_a_controller_are_controller_code() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            private T Pick<T>(T value) where T : {|MAR0001:IOrderService|} => value;

            private sealed class Helper
            {
                public {|MAR0001:IOrderService|} Orders { get; set; } = null!;
            }
        }
        """);

    // ---------------------------------------------------------------- minimal APIs

    [Fact]
    public Task Minimal_API_handler_lambdas_are_controller_code() => Verify(
        """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public static class OrderEndpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", ({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|});
                app.MapPost("/orders", ([FromServices] {|MAR0001:IOrderService|} orders) =>
                {
                    Func<int> nested = () => {|MAR0001:orders.Count|};
                    return nested();
                });
                app.MapPut("/orders", ({|MAR0001:IOrderService|} orders) => 1);
                app.MapDelete("/orders", ({|MAR0001:IOrderService|} orders) => 1);
                app.MapPatch("/orders", ({|MAR0001:IOrderService|} orders) => 1);
                app.MapMethods("/orders", new[] { "HEAD" }, ({|MAR0001:IOrderService|} orders) => 1);
                app.MapGroup("/v2").MapGet("/", ({|MAR0001:IOrderService|} orders) => 1);

                // Not handlers: a lambda that is not a Map* argument, and the Map call's own code.
                Func<IOrderService, int> count = orders => orders.Count;
            }
        }
        """);

    [Fact]
    public Task Minimal_API_method_groups_make_the_method_body_controller_code()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Shop.Services;

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/orders", Handlers.Count);
            }
            """);
        test.TestState.Sources.Add((
            "/0/Handlers.cs",
            """
            using Shop.Services;

            public static class Handlers
            {
                public static int Count({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|};
            }

            public static class NotHandlers
            {
                public static int Count(IOrderService orders) => orders.Count;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Minimal_API_calls_spelled_with_an_escape_are_still_found()
    {
        // The text gate before the Map-call scan lets an escape through: it may spell a Map method's name.
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;
            using Shop.Services;

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app)
                {
                    app.Map\u0047et("/orders", Handlers.Count);
                    app.Map\u0050ost("/orders", ({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|});
                }
            }
            """);
        test.TestState.Sources.Add((
            "/0/Handlers.cs",
            """
            using Shop.Services;

            public static class Handlers
            {
                public static int Count({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|};
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Minimal_API_local_function_handlers_in_top_level_statements()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;
            using Shop.Services;

            var app = WebApplication.Create(args);
            app.MapGet("/orders", Count);
            app.MapPost("/orders", ({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|});
            app.Run();

            static int Count({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|};
            static int Unused(IOrderService orders) => orders.Count;
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_service_method_passed_as_handler_is_reported_at_the_Map_call()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;
            using Shop.Services;

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app, OrderService orders)
                {
                    app.MapGet("/orders", {|MAR0001:orders.ListAsync|});
                }
            }
            """);
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- options

    [Fact]
    public Task Service_patterns_option_adds_name_patterns() => Test(
        """
        using Microsoft.AspNetCore.Mvc;

        public interface IOrderManager { }
        public interface IOrderService { }

        public sealed class OrdersController({|MAR0001:IOrderManager|} manager, {|MAR0001:IOrderService|} service) : ControllerBase { }
        """,
        withServices: false).WithEditorConfig("mariachi.service_patterns = *Manager\n").RunAsync();

    [Fact]
    public Task Service_patterns_option_matches_namespaces_with_a_dot() => Test(
        """
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Billing.Core { public sealed class Invoices { } }
        namespace Shop.Billing.Api
        {
            public sealed class InvoicesController({|MAR0001:Shop.Billing.Core.Invoices|} invoices) : ControllerBase { }
        }
        """,
        withServices: false).WithEditorConfig("mariachi.service_patterns = *.Core.*\n").RunAsync();

    [Fact]
    public Task Service_suffixes_option_replaces_the_default_suffix() => Test(
        """
        using Microsoft.AspNetCore.Mvc;

        public interface IPaymentGateway { }
        public interface IOrderService { }

        public sealed class OrdersController({|MAR0001:IPaymentGateway|} gateway, IOrderService service) : ControllerBase { }
        """,
        withServices: false).WithEditorConfig("mariachi.service_suffixes = Gateway\n").RunAsync();

    [Fact]
    public Task Controller_suffixes_option_names_controllers() => Test(
        """
        using Shop.Services;

        public sealed class OrdersEndpoint({|MAR0001:IOrderService|} orders) { }
        public sealed class OrdersController(IOrderService orders) { }
        """,
        aspNetCore: false).WithEditorConfig("mariachi.controller_suffixes = Endpoint\n").RunAsync();

    [Fact]
    public Task A_partial_type_is_controller_code_only_in_the_files_whose_options_make_it_a_controller()
    {
        // The rule decides once per type where to look; a type that is a controller under some of its files'
        // options only must still be judged file by file.
        var test = Test(
            """
            using Shop.Services;

            public sealed partial class OrdersEndpoint
            {
                private readonly {|MAR0001:IOrderService|} _orders = null!;
            }
            """,
            aspNetCore: false);
        test.TestState.Sources.Add((
            "/0/Plain.cs",
            """
            using Shop.Services;

            public sealed partial class OrdersEndpoint
            {
                private readonly IOrderService _other = null!;
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/0/Test0.cs]\nmariachi.controller_suffixes = Endpoint\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_method_group_handler_inherited_from_a_base_type_in_another_file_is_controller_code()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;

            public static class OrderEndpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/orders", Handlers.Count);
            }
            """);
        test.TestState.Sources.Add((
            "/0/HandlerBase.cs",
            """
            using Shop.Services;

            public class HandlerBase
            {
                public static int Count({|MAR0001:IOrderService|} orders) => {|MAR0001:orders.Count|};
            }

            public class Handlers : HandlerBase
            {
                public static int Other(IOrderService orders) => orders.Count;
            }
            """));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- negatives

    [Fact]
    public Task Framework_types_named_like_services_are_not_services() => Test(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        public sealed class HealthController(
            IHostedService hosted,
            IAuthorizationService authorization,
            ILogger<HealthController> logger,
            IHostApplicationLifetime lifetime) : ControllerBase
        {
            private readonly BackgroundService? _worker = null;

            public Task Start(CancellationToken ct) => hosted.StartAsync(ct);
        }
        """,
        mariachi: false,
        withServices: false).RunAsync();

    [Fact]
    public Task Records_beside_services_records_named_like_services_and_a_Services_namespace_are_not_services() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        namespace Shop.Services { public sealed class OrderRepository { } }
        namespace Shop.Catalog { public sealed record BookableService(string Name); }

        public sealed class OrdersController : ControllerBase
        {
            public Order Echo(CreateOrder input, OrderRepository repository) => new Order(input.Sku);
            public string Book(Shop.Catalog.BookableService service) => service.Name;
        }
        """);

    [Fact]
    public Task Using_directives_and_aliases_are_not_reported_but_aliased_types_are() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;
        using Orders = Shop.Services.IOrderService;
        using static Shop.Services.OrderService;

        public sealed class OrdersController({|MAR0001:Orders|} orders) : ControllerBase
        {
            public string V() => {|MAR0001:Version|};
        }
        """);

    [Fact]
    public Task Global_and_namespace_aliases_declared_in_other_files_are_bound()
    {
        // The rule reads a type name before binding it; an alias hides what it names, wherever it is declared.
        var test = Test(
            """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Web
            {
                using Billing = Shop.Services.OrderService;

                public sealed class OrdersController({|MAR0001:Orders|} orders, {|MAR0001:Billing|} billing, Shop.Services.Order order) : ControllerBase
                {
                }
            }
            """);
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using Orders = Shop.Services.IOrderService;"));
        return test.RunAsync();
    }

    [Fact]
    public Task Non_controller_code_is_not_reported() => Verify(
        """
        using Shop.Services;

        public sealed class CheckoutService(IOrderService orders)
        {
            public int Count() => orders.Count;
        }

        public sealed class Worker(IOrderService orders)
        {
            public int Count() => orders.Count;
        }
        """);

    [Fact]
    public Task Var_and_a_controller_that_is_itself_a_service_type_are_not_reported() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public class LegacyService : ControllerBase
        {
            public int Value() => Helper();
            protected int Helper() => 1;
            public LegacyService Self() => this;
        }

        public sealed class OrdersController({|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public object Get() { var same = orders; return same; }
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped()
    {
        var test = Test(
            """
            // <auto-generated/>
            using Microsoft.AspNetCore.Mvc;
            using Shop.Services;

            public sealed class OrdersController(IOrderService orders) : ControllerBase
            {
                public int Count() => orders.Count;
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task GeneratedCode_types_and_members_are_skipped_but_a_GeneratedCode_local_function_is_not() => Verify(
        """
        using System.CodeDom.Compiler;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController({|MAR0001:IOrderService|} orders) : ControllerBase
        {
            [GeneratedCode("tool", "1.0")]
            public int Generated() { IOrderService again = orders; return again.Count; }

            public int Local()
            {
                return Count();

                [GeneratedCode("tool", "1.0")]
                int Count() { {|MAR0001:IOrderService|} again = orders; return {|MAR0001:again.Count|}; }
            }
        }

        [GeneratedCode("tool", "1.0")]
        public sealed class GeneratedController(IOrderService orders) : ControllerBase
        {
            public int Count() { IOrderService again = orders; return again.Count; }
        }
        """);

    [Fact]
    public Task Type_syntax_in_initializers_constructor_initializers_and_lambdas_is_reported_once() => Verify(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            private readonly object _field = new {|MAR0001:OrderService|}();
            private readonly Func<object> _factory = () => ({|MAR0001:IOrderService|})new {|MAR0001:OrderService|}();

            public OrdersController() : this(new {|MAR0001:OrderService|}()) { }

            public OrdersController(object orders) { }

            public object Property { get; } = typeof({|MAR0001:IOrderService|});

            public object Arrow => default({|MAR0001:IOrderService|})!;

            public bool Check(object o) => o is {|MAR0001:IOrderService|};
        }
        """);

    [Fact]
    public Task Documentation_comments_are_not_reported() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        /// <summary>Moves <see cref="IOrderService"/> and <see cref="System.Collections.Generic.List{IOrderService}"/> behind procedures.</summary>
        public sealed class OrdersController : ControllerBase { }
        """);

    [Fact]
    public Task Service_patterns_never_match_framework_types() => Test(
        """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public interface IWidgetFactory { }

        public sealed class WidgetsController({|MAR0001:IWidgetFactory|} widgets, ILoggerFactory loggers) : ControllerBase { }
        """,
        mariachi: false,
        withServices: false).WithEditorConfig("mariachi.service_patterns = *Factory\n").RunAsync();

    // ---------------------------------------------------------------- what is not a service (issue 18)

    [Fact]
    public Task An_entity_class_named_like_a_service_used_by_a_controller_is_not_reported() => Test(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class CleaningService
        {
            public Guid Id;
            public string Name = "";
        }

        public sealed class CleaningsController : ControllerBase
        {
            private readonly CleaningService _last = new CleaningService();
            public Guid Get(CleaningService s) => s.Id;
            public string Name() => _last.Name;
        }
        """,
        withServices: false).RunAsync();

    [Fact]
    public Task Data_classes_entities_structs_and_enums_named_like_services_are_not_services() => Test(
        """
        using System;
        using Mariachi.Data;
        using Microsoft.AspNetCore.Mvc;

        public sealed class BookingService
        {
            public BookingService(string name) => Name = name;
            public string Name { get; set; }
            public int Seats { get; init; }
            public const string Kind = "booking";
            public override string ToString() => Name;
            public override bool Equals(object? obj) => obj is BookingService other && other.Name == Name;
            public override int GetHashCode() => Name.GetHashCode();
            public static bool operator ==(BookingService? a, BookingService? b) => Equals(a, b);
            public static bool operator !=(BookingService? a, BookingService? b) => !Equals(a, b);
        }

        public sealed class RoomService : IEntity
        {
            public Guid Id { get; set; }
            public void Rename(string name) { }
        }

        public struct PriceService { public decimal Amount; public decimal Total() => Amount; }
        public enum PlanService { Basic, Pro }

        public sealed class BookingsController : ControllerBase
        {
            public string Get(BookingService booking, RoomService room, PriceService price, PlanService plan)
            {
                room.Rename(booking.Name + BookingService.Kind);
                var copy = new BookingService("b") { Seats = booking.Seats };
                return price.Total() + " " + (plan is PlanService.Pro) + (copy == booking);
            }
        }
        """,
        withServices: false).RunAsync();

    [Fact]
    public Task Classes_with_behaviour_or_a_service_base_or_interface_stay_services() => Test(
        """
        using Microsoft.AspNetCore.Mvc;

        public class OrderService { public int Count() => 0; }
        public sealed class CachedOrderService : OrderService { public int Size { get; set; } }
        public interface IAuditService { }
        public sealed class AuditService : IAuditService { public string Name { get; set; } = ""; }
        public sealed class EventsService { public event System.Action? Changed; public int Count { get; set; } }
        public sealed class StubService { }

        public sealed class OrdersController(
            {|MAR0001:OrderService|} orders,
            {|MAR0001:CachedOrderService|} cached,
            {|MAR0001:AuditService|} audit,
            {|MAR0001:EventsService|} events,
            {|MAR0001:StubService|} stub) : ControllerBase
        {
            public int Size() => {|MAR0001:cached.Size|};
        }
        """,
        withServices: false).RunAsync();

    [Fact]
    public Task Service_exclusions_option_removes_types_by_name_or_full_name() => Test(
        """
        using Microsoft.AspNetCore.Mvc;

        public interface IFeatureService { bool IsEnabled(string key); }
        namespace Shop.Caching { public interface IAbilityCacheService { int Get(); } }
        public interface IOrderService { int Count(); }

        public sealed class OrdersController(IFeatureService features, Shop.Caching.IAbilityCacheService abilities, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public int Get() => features.IsEnabled("x") ? abilities.Get() : {|MAR0001:orders.Count()|};
        }
        """,
        withServices: false).WithEditorConfig("mariachi.service_exclusions = IFeatureService, *.Caching.*\n").RunAsync();

    [Fact]
    public async Task Service_exclusions_and_service_assemblies_are_validated_by_MAR0900()
    {
        var test = new MariachiAnalyzerTest<InvalidOptionAnalyzer>("class C { }")
            .WithEditorConfig("mariachi.service_exclusions = IFeatureService, I18n-Service\nmariachi.service_assemblies = Acme.*, Acme Billing\n");
        foreach (var (key, value) in new[] { ("mariachi.service_assemblies", "Acme.*, Acme Billing"), ("mariachi.service_exclusions", "IFeatureService, I18n-Service") })
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InvalidOption).WithNoLocation()
                .WithArguments(key, value, MariachiOptions.Validate(key, value)!));
        }

        await test.RunAsync();
        Assert.Null(MariachiOptions.Validate("mariachi.service_exclusions", "IFeatureService, *.Caching.*"));
        Assert.Null(MariachiOptions.Validate("mariachi.service_assemblies", "Acme.Billing.Client, Acme.*"));
    }

    private const string IdentityLibrary = """
        namespace Acme.Identity
        {
            public interface IInteractionService { string Current(); }
        }
        """;

    private const string IdentityController = """
        using Microsoft.AspNetCore.Mvc;
        using Acme.Identity;

        public sealed class AccountController([|IInteractionService|] interaction) : ControllerBase
        {
            public string Get() => [|interaction.Current()|];
        }
        """;

    /// <summary>The controller above against Acme.Identity referenced from <paramref name="path"/>.</summary>
    private static MariachiAnalyzerTest<ControllerReferencesServiceAnalyzer> IdentityTest(string path, bool reported)
    {
        var source = reported
            ? IdentityController.Replace("[|", "{|MAR0001:").Replace("|]", "|}")
            : IdentityController.Replace("[|", string.Empty).Replace("|]", string.Empty);
        var test = Test(source, withServices: false);
        var library = CSharpCompilation.Create(
            "Acme.Identity",
            [CSharpSyntaxTree.ParseText(IdentityLibrary)],
            TestReferences.NetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray(), filePath: path));
        return test;
    }

    [Theory]
    [InlineData("/home/ana/.nuget/packages/acme.identity/7.4.6/lib/net8.0/Acme.Identity.dll")]
    [InlineData(@"C:\Users\ana\.nuget\packages\acme.identity\8.0.0-preview.1\ref\net9.0\Acme.Identity.dll")]
    [InlineData("/src/legacy/packages/Acme.Identity.7.4.6/lib/net48/Acme.Identity.dll")]
    public Task Types_from_a_package_are_not_services(string path) => IdentityTest(path, reported: false).RunAsync();

    [Theory]
    [InlineData("/src/Acme.Identity/bin/Release/net8.0/Acme.Identity.dll")]
    [InlineData("/src/Acme.Identity/obj/Release/net8.0/ref/Acme.Identity.dll")]
    public Task Types_from_a_project_reference_are_services(string path) => IdentityTest(path, reported: true).RunAsync();

    [Fact]
    public Task Service_assemblies_option_opts_a_package_in() =>
        IdentityTest("/home/ana/.nuget/packages/acme.identity/7.4.6/lib/net8.0/Acme.Identity.dll", reported: true)
            .WithEditorConfig("mariachi.service_assemblies = Acme.*\n").RunAsync();

    [Fact]
    public Task Extension_methods_on_a_service_are_uses_of_the_service() => Test(
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public interface IPushNotificationService { Task PushAsync(string message); }

        public static class PushNotificationServiceToolsExtensions
        {
            public static Task PushSyncSendUpdateAsync(this IPushNotificationService push, string send) => push.PushAsync(send);
            public static string Describe(this string text) => text;
        }

        public sealed class SendsController({|MAR0001:IPushNotificationService|} push) : ControllerBase
        {
            public Task Put(string send) => {|MAR0001:push.PushSyncSendUpdateAsync(send.Describe())|};
            public Func<string, Task> Later() => {|MAR0001:push.PushSyncSendUpdateAsync|};
            public Task Static(string send) => {|MAR0001:PushNotificationServiceToolsExtensions.PushSyncSendUpdateAsync(push, send)|};
        }
        """,
        withServices: false).RunAsync();

    // ---------------------------------------------------------------- messages

    private static DiagnosticResult At(int marker, string what, string type, string advice) =>
        new DiagnosticResult(DiagnosticDescriptors.ControllerReferencesService).WithLocation(marker).WithArguments(what, type, advice);

    [Fact]
    public async Task The_message_fits_the_site()
    {
        const string Call = "call the procedure through ICommunication.CallAsync instead";
        const string Declaration = "take ICommunication instead and call the service's procedures through it";
        const string Check = "controllers should not depend on which service implements a procedure";
        var test = Test(
            """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public interface IPushService { Task SendAsync(string m); }
            public static class PushExtensions { public static Task PingAsync(this IPushService push) => push.SendAsync("ping"); }
            public sealed class FileStorageService : IPushService
            {
                public const string Container = "files";
                public static int Retries = 3;
                public Task SendAsync(string m) => Task.CompletedTask;
            }

            public sealed class SendsController({|#0:IPushService|} push) : ControllerBase
            {
                private readonly {|#1:IPushService|} _push = push;

                public async Task<object> Put(object o)
                {
                    await {|#2:_push.SendAsync("x")|};
                    await {|#3:_push.PingAsync()|};
                    var name = {|#4:FileStorageService.Container|} + {|#5:FileStorageService.Retries|};
                    var isFiles = o is {|#6:FileStorageService|};
                    var asFiles = o as {|#7:FileStorageService|};
                    var cast = ({|#8:FileStorageService|})o;
                    var created = new {|#9:FileStorageService|}();
                    return typeof({|#10:IPushService|});
                }
            }
            """,
            withServices: false);
        test.ExpectedDiagnostics.AddRange(
        [
            At(0, "depends on", "IPushService", Declaration),
            At(1, "depends on", "IPushService", Declaration),
            At(2, "calls 'SendAsync' of", "IPushService", Call),
            At(3, "calls extension method 'PingAsync' on", "IPushService", Call),
            At(4, "reads constant 'Container' of", "FileStorageService", "move the constant to a type that the controller and the service share"),
            At(5, "uses 'Retries' of", "FileStorageService", "get the value from a procedure through ICommunication.CallAsync instead"),
            At(6, "checks for", "FileStorageService", Check),
            At(7, "checks for", "FileStorageService", Check),
            At(8, "casts to", "FileStorageService", Check),
            At(9, "creates", "FileStorageService", "register the service's procedures and " + Call),
            At(10, "checks for", "IPushService", Check),
        ]);
        await test.RunAsync();
    }

    // ---------------------------------------------------------------- half-typed code

    [Fact]
    public Task Unresolved_types_in_a_controller_are_not_reported_and_do_not_throw()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Mvc;

            public sealed class OrdersController({|CS0246:IMissingService|} missing) : {|CS0246:UnknownBase|}
            {
                private readonly {|CS0246:OtherService|} _other = null!;
                public object Get() => missing.Do(_other.Run());
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Unclosed_calls_and_unfinished_lambdas_do_not_throw()
    {
        var test = Test(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Mariachi;
            using Shop.Services;

            public sealed class OrdersController({|MAR0001:IOrderService|} orders) : ControllerBase
            {
                public object Get(Context ctx) => orders.ListAsync(ctx,
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/", ({|MAR0001:IOrderService|} s) => s.);
                    app.MapPost("/", Missing.Handler);
                    app.MapPut(
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- code fix

    [Fact]
    public Task Fix_replaces_the_call_with_CallAsync() => FixTest(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            [HttpPost]
            public async Task<Order> Create(CreateOrder input, CancellationToken ct)
            {
                var ctx = Context.Create();
                return await {|MAR0001:orders.CreateAsync(ctx, input, ct)|};
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            [HttpPost]
            public async Task<Order> Create(CreateOrder input, CancellationToken ct)
            {
                var ctx = Context.Create();
                return await communication.CallAsync<Order>("orders.create", ctx, input, ct);
            }
        }
        """).RunAsync();

    [Fact]
    public Task Fix_all_rewrites_every_call_of_the_document_and_keeps_argument_order() => FixTest(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            private readonly ICommunication _communication;
            private readonly {|MAR0001:IOrderService|} _orders;

            public OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders)
            {
                _communication = communication;
                _orders = orders;
            }

            public async Task<Order> One(Context ctx, CreateOrder input) => await {|MAR0001:_orders.CreateAsync(ctx, input)|};

            public Task<Order> Two(Context ctx, CreateOrder input) =>
                {|MAR0001:this._orders.CreateAsync(
                    cancellationToken: HttpContext.RequestAborted,
                    input: input,
                    ctx: ctx)|};
        }
        """,
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController : ControllerBase
        {
            private readonly ICommunication _communication;
            private readonly {|MAR0001:IOrderService|} _orders;

            public OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders)
            {
                _communication = communication;
                _orders = orders;
            }

            public async Task<Order> One(Context ctx, CreateOrder input) => await _communication.CallAsync<Order>("orders.create", ctx, input);

            public async Task<Order> Two(Context ctx, CreateOrder input) =>
                await _communication.CallAsync<Order>("orders.create", ctx, input, HttpContext.RequestAborted);
        }
        """).RunAsync();

    [Fact]
    public Task Fix_handles_procedures_method_groups_and_implementations()
    {
        const string Registration = """
            using System.Threading.Tasks;
            using Mariachi;
            using Mariachi.Communication;

            namespace Billing
            {
                public sealed record Charge(int Cents);
                public sealed record Receipt(string Id);

                public interface IBillingService
                {
                    Task<Receipt> ChargeAsync(Context ctx, Charge input);
                    Task RefundAsync(Context ctx, Charge input);
                }

                public static class Procedures
                {
                    public static readonly Procedure<Charge, Receipt> Charge = new("billing.charge");
                }

                public sealed class BillingService : IBillingService
                {
                    public Task<Receipt> ChargeAsync(Context ctx, Charge input) => Task.FromResult(new Receipt("r"));
                    public Task RefundAsync(Context ctx, Charge input) => Task.CompletedTask;

                    public void Register(ICommunication communication)
                    {
                        communication.Register(Procedures.Charge, ChargeAsync);
                        // With a C# 12 compiler an async lambda names its return type: the Task and ValueTask overloads tie.
                        communication.Register<Charge, bool>("billing.refund", async Task<bool> (ctx, input) =>
                        {
                            await RefundAsync(ctx, input);
                            return true;
                        });
                    }
                }
            }
            """;
        var test = FixTest(
            """
            using System.Threading.Tasks;
            using Billing;
            using Mariachi;
            using Mariachi.Communication;
            using Microsoft.AspNetCore.Mvc;

            public sealed class BillingController(ICommunication communication, {|MAR0001:IBillingService|} billing) : ControllerBase
            {
                public async Task<Receipt> Pay(Context ctx, Charge input)
                {
                    await {|MAR0001:billing.RefundAsync(ctx, input)|};
                    return await {|MAR0001:billing.ChargeAsync(ctx, input)|};
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Billing;
            using Mariachi;
            using Mariachi.Communication;
            using Microsoft.AspNetCore.Mvc;

            public sealed class BillingController(ICommunication communication, {|MAR0001:IBillingService|} billing) : ControllerBase
            {
                public async Task<Receipt> Pay(Context ctx, Charge input)
                {
                    await communication.CallAsync<bool>("billing.refund", ctx, input);
                    return await communication.CallAsync<Receipt>("billing.charge", ctx, input);
                }
            }
            """);
        test.TestState.Sources.Add(("/0/Billing.cs", Registration));
        test.FixedState.Sources.Add(("/0/Billing.cs", Registration));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_works_in_minimal_API_handlers_with_a_communication_parameter() => FixTest(
        """
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Builder;
        using Shop.Services;

        public static class OrderEndpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/orders", (CreateOrder input, ICommunication communication, {|MAR0001:IOrderService|} orders) =>
                    {|MAR0001:orders.CreateAsync(Context.Create(), input)|});
        }
        """,
        """
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Builder;
        using Shop.Services;

        public static class OrderEndpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/orders", async (CreateOrder input, ICommunication communication, {|MAR0001:IOrderService|} orders) =>
                    await communication.CallAsync<Order>("orders.create", Context.Create(), input));
        }
        """).RunAsync();

    [Fact]
    public Task Fix_all_handles_nested_calls_keeps_ValueTask_calls_as_they_are_and_skips_synchronous_ones()
    {
        const string Catalog = """
            using System.Threading.Tasks;
            using Mariachi;
            using Mariachi.Communication;

            namespace Catalog
            {
                public sealed record Item(string Sku);

                public interface ICatalogService
                {
                    Task<Item> NormalizeAsync(Context ctx, Item input);
                    ValueTask<Item> SaveAsync(Context ctx, Item input);
                    int Total(Context ctx, Item input);
                }

                public static class CatalogModule
                {
                    public static void Register(ICommunication communication, ICatalogService catalog)
                    {
                        communication.Register<Item, Item>("catalog.normalize", catalog.NormalizeAsync);
                        communication.Register<Item, Item>("catalog.save", (ctx, input) => catalog.SaveAsync(ctx, input));
                        communication.Register<Item, int>("catalog.total", (ctx, input) => Task.FromResult(catalog.Total(ctx, input)));
                    }
                }
            }
            """;
        var test = FixTest(
            """
            using System.Threading.Tasks;
            using Catalog;
            using Mariachi;
            using Mariachi.Communication;
            using Microsoft.AspNetCore.Mvc;

            public sealed class CatalogController(ICommunication communication, {|MAR0001:ICatalogService|} catalog) : ControllerBase
            {
                public async Task<Item> Save(Context ctx, Item input) =>
                    await {|MAR0001:catalog.SaveAsync(ctx, await {|MAR0001:catalog.NormalizeAsync(ctx, input)|})|};

                public ValueTask<Item> Later(Context ctx, Item input) => {|MAR0001:catalog.SaveAsync(ctx, input)|};

                public int Total(Context ctx, Item input) => {|MAR0001:catalog.Total(ctx, input)|};
            }
            """,
            """
            using System.Threading.Tasks;
            using Catalog;
            using Mariachi;
            using Mariachi.Communication;
            using Microsoft.AspNetCore.Mvc;

            public sealed class CatalogController(ICommunication communication, {|MAR0001:ICatalogService|} catalog) : ControllerBase
            {
                public async Task<Item> Save(Context ctx, Item input) =>
                    await communication.CallAsync<Item>("catalog.save", ctx, await communication.CallAsync<Item>("catalog.normalize", ctx, input));

                public ValueTask<Item> Later(Context ctx, Item input) => communication.CallAsync<Item>("catalog.save", ctx, input);

                public int Total(Context ctx, Item input) => {|MAR0001:catalog.Total(ctx, input)|};
            }
            """);
        test.TestState.Sources.Add(("/0/Catalog.cs", Catalog));
        test.FixedState.Sources.Add(("/0/Catalog.cs", Catalog));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_keeps_a_Task_where_one_is_used_and_awaits_where_the_call_is_awaited_or_returned() => FixTest(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public Task<Order> Stored(Context ctx, CreateOrder input)
            {
                var pending = {|MAR0001:orders.CreateAsync(ctx, input)|};
                return pending;
            }

            public Task<Order[]> Both(Context ctx, CreateOrder input) =>
                Task.WhenAll({|MAR0001:orders.CreateAsync(ctx, input)|}, {|MAR0001:orders.CreateAsync(ctx, input)|});

            public async Task<Order> Configured(Context ctx, CreateOrder input) =>
                await ({|MAR0001:orders.CreateAsync(ctx, input)|}).ConfigureAwait(false);

            public Task Fire(Context ctx, CreateOrder input) => {|MAR0001:orders.CreateAsync(ctx, input)|};

            public Task<Order> Local(Context ctx, CreateOrder input)
            {
                return Run();

                Task<Order> Run() => {|MAR0001:orders.CreateAsync(ctx, input)|};
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public Task<Order> Stored(Context ctx, CreateOrder input)
            {
                var pending = communication.CallAsync<Order>("orders.create", ctx, input).AsTask();
                return pending;
            }

            public Task<Order[]> Both(Context ctx, CreateOrder input) =>
                Task.WhenAll(communication.CallAsync<Order>("orders.create", ctx, input).AsTask(), communication.CallAsync<Order>("orders.create", ctx, input).AsTask());

            public async Task<Order> Configured(Context ctx, CreateOrder input) =>
                await (communication.CallAsync<Order>("orders.create", ctx, input)).ConfigureAwait(false);

            public async Task Fire(Context ctx, CreateOrder input) => await communication.CallAsync<Order>("orders.create", ctx, input);

            public Task<Order> Local(Context ctx, CreateOrder input)
            {
                return Run();

                async Task<Order> Run() => await communication.CallAsync<Order>("orders.create", ctx, input);
            }
        }
        """).RunAsync();

    [Fact]
    public Task No_fix_without_a_reachable_ICommunication() => NoFix(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController({|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public Task<Order> Create(Context ctx, CreateOrder input) => {|MAR0001:orders.CreateAsync(ctx, input)|};

            public static Task<Order> Later(Context ctx, CreateOrder input, {|MAR0001:IOrderService|} service)
            {
                var result = {|MAR0001:service.CreateAsync(ctx, input)|};
                ICommunication communication = null!;
                return result;
            }
        }
        """);

    [Fact]
    public Task No_fix_without_a_registration_or_with_two() => NoFix(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public static class MoreRegistrations
        {
            public static void Register(ICommunication communication, IOrderService orders) =>
                communication.Register<CreateOrder, Order>("orders.create.v2", (ctx, input) => orders.CreateAsync(ctx, input));
        }

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public Task<Order> Create(Context ctx, CreateOrder input) => {|MAR0001:orders.CreateAsync(ctx, input)|};
            public Task<Order[]> List(Context ctx) => {|MAR0001:orders.ListAsync(ctx, "t1")|};
        }
        """);

    [Fact]
    public Task No_fix_for_member_accesses_extra_arguments_or_computed_receivers() => NoFix(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Services;

        public sealed class OrdersController(ICommunication communication, {|MAR0001:IOrderService|} orders) : ControllerBase
        {
            public int Count() => {|MAR0001:orders.Count|};
            public Task<Order> Create(Context ctx, CreateOrder input) => {|MAR0001:Pick().CreateAsync(ctx, input)|};
            public Task<Order> Maybe(Context ctx, CreateOrder input) => orders?{|MAR0001:.CreateAsync(ctx, input)|};
            private {|MAR0001:IOrderService|} Pick() => orders;
        }
        """);

    [Fact]
    public Task No_fix_when_the_handler_does_not_forward_its_parameters() => NoFix(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Mvc;

        public sealed record Query(string Tenant);
        public interface IReportService { Task<int> CountAsync(Context ctx, string tenant); }

        public static class Reports
        {
            public static void Register(ICommunication communication, IReportService reports) =>
                communication.Register<Query, int>("reports.count", (ctx, input) => reports.CountAsync(ctx, input.Tenant));
        }

        public sealed class ReportsController(ICommunication communication, {|MAR0001:IReportService|} reports) : ControllerBase
        {
            public Task<int> Count(Context ctx) => {|MAR0001:reports.CountAsync(ctx, "t1")|};
        }
        """);

    private static Task NoFix(string source) => FixTest(source, source).RunAsync();
}
