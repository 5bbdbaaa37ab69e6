using System.Text;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>One generated source file: a path (for diagnostics and options) and its text.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>
/// Writes a realistic modular-monolith code base of <c>N</c> files: modules of ten files each (contracts with
/// <c>Procedure</c> handles, entities, a repository, two services, a procedure module that registers handlers, two
/// ASP.NET Core controllers that call procedures, a config class and an event module), plus a shared usings file and
/// an entry point. Every rule under measurement has something to find: one module in ten carries each violation
/// (MAR0001 controller holding a service, MAR0002 environment read in a service, MAR0003 Context-less overload,
/// MAR0005 Context created mid-flow, CA2016 token not forwarded, MAR0012 a misspelt procedure name, MAR0013 an input
/// of the wrong type), MAR0004 duplicates come every 25 modules (across
/// modules) and every 50 (inside one member), and every config class reads an environment variable (fine for MAR0002,
/// banned for RS0030). MAR0008 finds, besides its own sprinkle, each pricing service's Context-less <c>AuditAsync</c>
/// convenience overload (a public operation without a Context), every 50th module registers an invalid procedure name
/// (MAR0011), and the archive service of the layer-rule modules is used by nothing (MAR0014). The code compiles
/// without errors.
/// </summary>
internal static class SyntheticSolution
{
    public const int FilesPerModule = 10;

    /// <summary>The files of a solution of about <paramref name="files"/> files (rounded up to whole modules, plus two shared files).</summary>
    public static IReadOnlyList<SourceFile> Generate(int files)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, FilesPerModule);
        var modules = (files + FilesPerModule - 1) / FilesPerModule;
        var result = new List<SourceFile>(modules * FilesPerModule + 2)
        {
            new("/src/Shop/GlobalUsings.cs", GlobalUsings),
            new("/src/Shop/Program.cs", ProgramFile),
        };

        for (var m = 0; m < modules; m++)
        {
            var dir = $"/src/Shop/M{m}";
            result.Add(new($"{dir}/Contracts/Orders{m}Contracts.cs", Contracts(m)));
            result.Add(new($"{dir}/Data/Order{m}.cs", Entities(m)));
            result.Add(new($"{dir}/Data/Order{m}Repository.cs", Repository(m)));
            result.Add(new($"{dir}/Services/Orders{m}Service.cs", OrdersService(m)));
            result.Add(new($"{dir}/Services/Pricing{m}Service.cs", PricingService(m)));
            result.Add(new($"{dir}/Handlers/Orders{m}Module.cs", ProcedureModule(m)));
            result.Add(new($"{dir}/Controllers/Orders{m}Controller.cs", OrdersController(m)));
            result.Add(new($"{dir}/Controllers/Reports{m}Controller.cs", ReportsController(m)));
            result.Add(new($"{dir}/Configuration/Orders{m}Options.cs", ConfigClass(m)));
            result.Add(new($"{dir}/Events/Orders{m}EventModule.cs", EventModule(m)));
            if (Violations.LayerRulesBroken(m))
            {
                result.Add(new($"{dir}/Services/Archive{m}Service.cs", ArchiveService(m)));
                result.Add(new($"{dir}/Controllers/Archive{m}Controller.cs", ArchiveController(m)));
            }
        }

        return result;
    }

    /// <summary>Which violations module <paramref name="m"/> carries.</summary>
    internal static class Violations
    {
        public static bool ControllerHoldsService(int m) => m % 10 == 3;

        public static bool EnvironmentReadInService(int m) => m % 10 == 5;

        public static bool ContextNotForwardedAndCreatedMidFlow(int m) => m % 10 == 7;

        public static bool TokenNotForwarded(int m) => m % 10 == 9;

        public static bool DuplicateAcrossModules(int m) => m % 25 == 1;

        public static bool DuplicateInMember(int m) => m % 50 == 2;

        /// <summary>MAR0012: a controller calls a misspelt procedure name.</summary>
        public static bool UnknownProcedureCall(int m) => m % 10 == 4;

        /// <summary>MAR0013: a controller passes an input of another type than the registration's.</summary>
        public static bool CallTypeMismatch(int m) => m % 10 == 6;

        /// <summary>MAR0006, MAR0007, MAR0008, MAR0009 and MAR0010, in two extra files of the module.</summary>
        public static bool LayerRulesBroken(int m) => m % 10 == 1;

        /// <summary>MAR0011: a registration under a name the runtime rejects.</summary>
        public static bool InvalidProcedureName(int m) => m % 50 == 4;
    }

    private static string ArchiveService(int m) => $$"""
        using Mariachi.Adapters.InMemory.Data;
        using Microsoft.AspNetCore.Http;

        namespace Shop.M{{m}}.Services;

        public sealed class Archive{{m}}Entry : IEntity
        {
            public Guid Id { get; set; }
        }

        // MAR0014: no handler, service, procedure module or hosted service uses it (only the module's controller might).
        public sealed class Archive{{m}}Service
        {
            // MAR0010 (twice): an adapter held and created directly.
            private readonly InMemoryRepository<Archive{{m}}Entry> _entries = new InMemoryRepository<Archive{{m}}Entry>();

            // MAR0008: an operation that takes its Context, but not first.
            public Task PurgeAsync(Guid id, Context context, CancellationToken cancellationToken) => Task.CompletedTask;

            // MAR0007: an HTTP server type in service code; MAR0009: a raw exception from a service.
            public Task<Archive{{m}}Entry?> FindAsync(Context context, Guid id, HttpContext http, CancellationToken cancellationToken) =>
                id == Guid.Empty
                    ? throw new InvalidOperationException("Archive entry id is empty.")
                    : _entries.FindByIdAsync(context, id, cancellationToken: cancellationToken);
        }
        """;

    private static string ArchiveController(int m) => $$"""
        using Shop.M{{m}}.Services;

        namespace Shop.M{{m}}.Controllers;

        [ApiController]
        [Route("m{{m}}/archive")]
        public sealed class Archive{{m}}Controller : ControllerBase
        {
            // MAR0006: data access in a controller.
            private readonly IRepository<Archive{{m}}Entry> _entries;

            public Archive{{m}}Controller(IRepository<Archive{{m}}Entry> entries) => _entries = entries;

            [HttpGet("{id:guid}")]
            public Task<Archive{{m}}Entry?> Get(Guid id, [FromServices] Context context) => _entries.FindByIdAsync(context, id);
        }
        """;

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Linq.Expressions;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Mariachi;
        global using Mariachi.Communication;
        global using Mariachi.Data;
        global using Mariachi.Events;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.Logging;
        """;

    private const string ProgramFile = """
        namespace Shop;

        public static class Program
        {
            public static int Main(string[] args)
            {
                // The entry point may read the allow-listed startup variables (MAR0002); RS0030 bans every read.
                var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
                Console.WriteLine($"listening on {port} with {args.Length} arguments");
                return 0;
            }
        }
        """;

    private static string Contracts(int m) => $$"""
        namespace Shop.M{{m}}.Contracts;

        public sealed record OrderLine{{m}}Input(string Sku, int Quantity, decimal Price);

        public sealed record CreateOrder{{m}}(string Customer, IReadOnlyList<OrderLine{{m}}Input> Lines, string? Note = null);

        public sealed record GetOrder{{m}}(Guid Id);

        public sealed record ListOrders{{m}}(int Page, int PageSize, string? Customer);

        public sealed record OrderDto{{m}}(Guid Id, string Customer, decimal Total, string Status, DateTimeOffset CreatedAt);

        public sealed record Quote{{m}}(decimal Subtotal, decimal Tax, decimal Total);

        public sealed record OrderCreated{{m}}(Guid OrderId, decimal Total);

        /// <summary>The procedures of the orders service of module {{m}}: one name, shared by the service and its callers.</summary>
        public static class Orders{{m}}Procedures
        {
            public static readonly Procedure<CreateOrder{{m}}, OrderDto{{m}}> Create = new("m{{m}}.orders.create");

            public static readonly Procedure<GetOrder{{m}}, OrderDto{{m}}?> Get = new("m{{m}}.orders.get");

            public static readonly Procedure<ListOrders{{m}}, Page<OrderDto{{m}}>> List = new("m{{m}}.orders.list");

            public const string QuoteName = "m{{m}}.orders.quote";

            public const string PingName = "m{{m}}.orders.ping";
        }
        """;

    private static string Entities(int m) => $$"""
        namespace Shop.M{{m}}.Data;

        public sealed class Order{{m}} : TenantEntity
        {
            public string Customer { get; set; } = string.Empty;

            public decimal Total { get; set; }

            public string Status { get; set; } = "new";

            public string? Note { get; set; }

            public List<OrderLine{{m}}> Lines { get; set; } = new();

            public decimal Recalculate()
            {
                var total = 0m;
                foreach (var line in Lines)
                {
                    total += line.Price * line.Quantity;
                }

                Total = Math.Round(total, 2, MidpointRounding.ToEven);
                return Total;
            }

            public bool CanCancel() => Status is "new" or "paid" && !IsDeleted;
        }

        public sealed class OrderLine{{m}}
        {
            public string Sku { get; set; } = string.Empty;

            public int Quantity { get; set; }

            public decimal Price { get; set; }

            public override string ToString() => $"{Quantity} x {Sku} @ {Price:0.00}";
        }
        """;

    private static string Repository(int m) => $$"""
        namespace Shop.M{{m}}.Data;

        /// <summary>The queries of module {{m}} over the generic repository.</summary>
        public sealed class Order{{m}}Repository
        {
            private readonly IRepository<Order{{m}}> _inner;

            public Order{{m}}Repository(IRepository<Order{{m}}> inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

            public Task<Order{{m}}?> FindAsync(Context context, Guid id, CancellationToken cancellationToken) =>
                _inner.FindByIdAsync(context, id, false, cancellationToken);

            public Task<Page<Order{{m}}>> PageAsync(Context context, int page, int pageSize, string? customer, CancellationToken cancellationToken)
            {
                Expression<Func<Order{{m}}, bool>>? filter = customer is null ? null : o => o.Customer == customer;
                return _inner.PaginateAsync(context, new PageRequest(page, pageSize), filter, Sort<Order{{m}}>.ByDescending(o => o.CreatedAt), cancellationToken);
            }

            public Task<Order{{m}}> AddAsync(Context context, Order{{m}} order, CancellationToken cancellationToken) =>
                _inner.CreateAsync(context, order, cancellationToken);

            public async Task<long> CountOpenAsync(Context context, CancellationToken cancellationToken) =>
                await _inner.CountAsync(context, o => o.Status == "new", false, cancellationToken).ConfigureAwait(false);

            public async Task<bool> CancelAsync(Context context, Guid id, CancellationToken cancellationToken)
            {
                var order = await _inner.FindByIdAsync(context, id, false, cancellationToken).ConfigureAwait(false);
                if (order is null || !order.CanCancel())
                {
                    return false;
                }

                order.Status = "cancelled";
                await _inner.UpdateAsync(context, order, order.Version, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        """;

    private static string OrdersService(int m)
    {
        var environmentRead = Violations.EnvironmentReadInService(m)
            ? $$"""

                    // MAR0002 (and RS0030): configuration read outside the config layer.
                    var region = Environment.GetEnvironmentVariable("M{{m}}_REGION") ?? "eu";
                    context.Logger.LogDebug("Region {Region}", region);
            """
            : string.Empty;
        var midFlow = Violations.ContextNotForwardedAndCreatedMidFlow(m)
            ? """

                    // MAR0005: a new flow mid-flow; MAR0003: the Context-less overload while a Context is in scope.
                    var audit = Context.Create(context.TenantId, context.UserId);
                    await _pricing.AuditAsync("get", cancellationToken).ConfigureAwait(false);
                    audit.Logger.LogDebug("Audited");
            """
            : string.Empty;
        var token = Violations.TokenNotForwarded(m)
            ? """

                    // CA2016: the token is not forwarded.
                    await Task.Delay(1).ConfigureAwait(false);
            """
            : string.Empty;

        return $$"""
            using Shop.M{{m}}.Contracts;
            using Shop.M{{m}}.Data;

            namespace Shop.M{{m}}.Services;

            /// <summary>The orders service of module {{m}}: reached only through its procedures.</summary>
            public sealed class Orders{{m}}Service
            {
                private readonly Order{{m}}Repository _orders;
                private readonly Pricing{{m}}Service _pricing;
                private readonly IEventBus _events;

                public Orders{{m}}Service(Order{{m}}Repository orders, Pricing{{m}}Service pricing, IEventBus events)
                {
                    _orders = orders;
                    _pricing = pricing;
                    _events = events;
                }

                public async Task<OrderDto{{m}}> CreateAsync(Context context, CreateOrder{{m}} input, CancellationToken cancellationToken)
                {
                    context.Logger.LogInformation("Creating an order for {Customer}", input.Customer);{{environmentRead}}
                    var quote = await _pricing.QuoteAsync(context, input.Lines, cancellationToken).ConfigureAwait(false);
                    var order = new Order{{m}} { Customer = input.Customer, Note = input.Note, Total = quote.Total };
                    foreach (var line in input.Lines)
                    {
                        order.Lines.Add(new OrderLine{{m}} { Sku = line.Sku, Quantity = line.Quantity, Price = line.Price });
                    }

                    var stored = await _orders.AddAsync(context, order, cancellationToken).ConfigureAwait(false);
                    await _events.PublishAsync(context, "m{{m}}.order.created", new OrderCreated{{m}}(stored.Id, stored.Total), cancellationToken).ConfigureAwait(false);
                    return ToDto(stored);
                }

                public async Task<OrderDto{{m}}?> GetAsync(Context context, GetOrder{{m}} input, CancellationToken cancellationToken)
                {
                    var order = await _orders.FindAsync(context, input.Id, cancellationToken).ConfigureAwait(false);{{midFlow}}
                    return order is null ? null : ToDto(order);
                }

                public async Task<Page<OrderDto{{m}}>> ListAsync(Context context, ListOrders{{m}} input, CancellationToken cancellationToken)
                {
                    var page = await _orders.PageAsync(context, input.Page, input.PageSize, input.Customer, cancellationToken).ConfigureAwait(false);{{token}}
                    return new Page<OrderDto{{m}}>(page.Items.Select(ToDto).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
                }

                public async Task<bool> CancelAsync(Context context, Guid id, CancellationToken cancellationToken)
                {
                    var cancelled = await _orders.CancelAsync(context, id, cancellationToken).ConfigureAwait(false);
                    if (cancelled)
                    {
                        await _pricing.AuditAsync(context, "cancel " + id, cancellationToken).ConfigureAwait(false);
                    }

                    return cancelled;
                }

                private static OrderDto{{m}} ToDto(Order{{m}} order) => new(order.Id, order.Customer, order.Total, order.Status, order.CreatedAt);
            }
            """;
    }

    private static string PricingService(int m) => $$"""
        using Shop.M{{m}}.Contracts;

        namespace Shop.M{{m}}.Services;

        public sealed class Pricing{{m}}Service
        {
            private const decimal TaxRate = 0.{{10 + (m % 15)}}m;

            public Task<Quote{{m}}> QuoteAsync(Context context, IReadOnlyList<OrderLine{{m}}Input> lines, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var subtotal = 0m;
                foreach (var line in lines)
                {
                    if (line.Quantity <= 0)
                    {
                        throw new ValidationError(ErrorCodes.Validation.InvalidInput, $"Quantity of {line.Sku} must be positive.");
                    }

                    subtotal += line.Price * line.Quantity;
                }

                var tax = Math.Round(subtotal * TaxRate, 2);
                context.Logger.LogDebug("Quoted {Subtotal} + {Tax}", subtotal, tax);
                return Task.FromResult(new Quote{{m}}(subtotal, tax, subtotal + tax));
            }

            /// <summary>Audits outside a request: forwards to the Context overload with an explicit system Context.</summary>
            public Task AuditAsync(string action, CancellationToken cancellationToken) =>
                AuditAsync(Context.System("pricing audit"), action, cancellationToken);

            public Task AuditAsync(Context context, string action, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.Logger.LogInformation("Pricing audit: {Action}", action);
                return Task.CompletedTask;
            }
        }
        """;

    private static string ProcedureModule(int m)
    {
        var extra = new StringBuilder();
        if (Violations.DuplicateAcrossModules(m))
        {
            extra.Append($$"""

                        // MAR0004 across the compilation: module {{m - 1}} registers this name too.
                        communication.Register<string, bool>("m{{m - 1}}.orders.ping", (ctx, _) => Task.FromResult(false));
                """);
        }

        if (Violations.DuplicateInMember(m))
        {
            extra.Append($$"""

                        // MAR0004 inside one member.
                        communication.Register<string, bool>(Orders{{m}}Procedures.PingName, (ctx, _) => Task.FromResult(false));
                """);
        }

        if (Violations.InvalidProcedureName(m))
        {
            extra.Append($$"""

                        // MAR0011: upper case is not a valid procedure name; the runtime throws communication/invalid-name.
                        communication.Register<string, bool>("M{{m}}.Orders.Archive", (ctx, _) => Task.FromResult(false));
                """);
        }

        return $$"""
            using Shop.M{{m}}.Contracts;
            using Shop.M{{m}}.Services;

            namespace Shop.M{{m}}.Handlers;

            /// <summary>Registers the procedures of module {{m}}.</summary>
            public sealed class Orders{{m}}Module : IProcedureModule
            {
                private readonly Orders{{m}}Service _orders;
                private readonly Pricing{{m}}Service _pricing;

                public Orders{{m}}Module(Orders{{m}}Service orders, Pricing{{m}}Service pricing)
                {
                    _orders = orders;
                    _pricing = pricing;
                }

                public void Register(ICommunication communication)
                {
                    communication.Register(Orders{{m}}Procedures.Create, (ctx, input, ct) => _orders.CreateAsync(ctx, input, ct));
                    communication.Register(Orders{{m}}Procedures.Get, (ctx, input, ct) => _orders.GetAsync(ctx, input, ct));
                    communication.Register(Orders{{m}}Procedures.List, (ctx, input, ct) => _orders.ListAsync(ctx, input, ct));
                    communication.Register<IReadOnlyList<OrderLine{{m}}Input>, Quote{{m}}>(Orders{{m}}Procedures.QuoteName, (ctx, lines, ct) => _pricing.QuoteAsync(ctx, lines, ct));
                    communication.Register<Guid, bool>("m{{m}}.orders.cancel", (ctx, id, ct) => _orders.CancelAsync(ctx, id, ct));
                    communication.Register<string, bool>(Orders{{m}}Procedures.PingName, (ctx, _) => Task.FromResult(true));{{extra}}
                }
            }
            """;
    }

    private static string OrdersController(int m) => $$"""
        using Shop.M{{m}}.Contracts;

        namespace Shop.M{{m}}.Controllers;

        [ApiController]
        [Route("api/m{{m}}/orders")]
        public sealed class Orders{{m}}Controller : ControllerBase
        {
            private readonly ICommunication _communication;

            public Orders{{m}}Controller(ICommunication communication) => _communication = communication;

            [HttpPost]
            public async Task<ActionResult<OrderDto{{m}}>> Create([FromBody] CreateOrder{{m}} input, [FromServices] Context context, CancellationToken cancellationToken)
            {
                var order = await _communication.CallAsync(Orders{{m}}Procedures.Create, context, input, cancellationToken);
                return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
            }

            [HttpGet("{id:guid}")]
            public async Task<ActionResult<OrderDto{{m}}>> Get(Guid id, [FromServices] Context context, CancellationToken cancellationToken)
            {
                var order = await _communication.CallAsync(Orders{{m}}Procedures.Get, context, new GetOrder{{m}}(id), cancellationToken);
                return order is null ? NotFound() : Ok(order);
            }

            [HttpGet]
            public ValueTask<Page<OrderDto{{m}}>> List([FromQuery] int page, [FromQuery] int pageSize, [FromQuery] string? customer, [FromServices] Context context, CancellationToken cancellationToken) =>
                _communication.CallAsync(Orders{{m}}Procedures.List, context, new ListOrders{{m}}(page <= 0 ? 1 : page, pageSize <= 0 ? 20 : pageSize, customer), cancellationToken);

            [HttpDelete("{id:guid}")]
            public async Task<IActionResult> Cancel(Guid id, [FromServices] Context context, CancellationToken cancellationToken) =>
                await _communication.CallAsync<bool>({{CancelCall(m)}}, cancellationToken) ? NoContent() : NotFound();
        }
        """;

    /// <summary>The name, Context and input of the cancel call, with module <paramref name="m"/>'s MAR0012 or MAR0013 mistake.</summary>
    private static string CancelCall(int m) =>
        Violations.UnknownProcedureCall(m) ? $"\"m{m}.orders.cancle\", context, id" // MAR0012: did you mean 'm{m}.orders.cancel'?
        : Violations.CallTypeMismatch(m) ? $"\"m{m}.orders.cancel\", context, id.ToString()" // MAR0013: a string for a Guid
        : $"\"m{m}.orders.cancel\", context, id";

    private static string ReportsController(int m)
    {
        var holdsService = Violations.ControllerHoldsService(m);
        var field = holdsService
            ? $$"""

                    // MAR0001: a controller holding (and calling) a service instead of its procedure.
                    private readonly Pricing{{m}}Service _pricing;
            """
            : string.Empty;
        var constructor = holdsService
            ? $$"""
                public Reports{{m}}Controller(ICommunication communication, Pricing{{m}}Service pricing)
                    {
                        _communication = communication;
                        _pricing = pricing;
                    }
            """
            : $$"""
                public Reports{{m}}Controller(ICommunication communication) => _communication = communication;
            """;
        var quote = holdsService
            ? "await _pricing.QuoteAsync(context, lines, cancellationToken)"
            : $"await _communication.CallAsync<Quote{m}>(Orders{m}Procedures.QuoteName, context, lines, cancellationToken)";
        var usingServices = holdsService ? $"using Shop.M{m}.Services;\n" : string.Empty;

        return $$"""
            using Shop.M{{m}}.Contracts;
            {{usingServices}}
            namespace Shop.M{{m}}.Controllers;

            [ApiController]
            [Route("api/m{{m}}/reports")]
            public sealed class Reports{{m}}Controller : ControllerBase
            {
                private readonly ICommunication _communication;{{field}}

            {{constructor}}

                [HttpPost("quote")]
                public async Task<ActionResult<Quote{{m}}>> Quote([FromBody] List<OrderLine{{m}}Input> lines, [FromServices] Context context, CancellationToken cancellationToken)
                {
                    if (lines.Count == 0)
                    {
                        return BadRequest("At least one line is needed.");
                    }

                    var quote = {{quote}};
                    return Ok(quote);
                }

                [HttpGet("ping")]
                public ValueTask<bool> Ping([FromServices] Context context, CancellationToken cancellationToken) =>
                    _communication.CallAsync<bool>(Orders{{m}}Procedures.PingName, context, "ping", cancellationToken);
            }
            """;
    }

    private static string ConfigClass(int m) => $$"""
        namespace Shop.M{{m}}.Configuration;

        /// <summary>The settings of module {{m}}, read in the config layer (where environment reads are allowed).</summary>
        public sealed class Orders{{m}}Options
        {
            public const string Section = "Orders{{m}}";

            public string? ApiUrl { get; set; }

            public int PageSize { get; set; } = 20;

            public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

            public static Orders{{m}}Options Load(IConfiguration configuration)
            {
                ArgumentNullException.ThrowIfNull(configuration);
                var section = configuration.GetSection(Section);
                var options = new Orders{{m}}Options
                {
                    ApiUrl = section["ApiUrl"] ?? Environment.GetEnvironmentVariable("ORDERS{{m}}_API_URL"),
                    PageSize = int.TryParse(section["PageSize"], out var size) ? size : 20,
                };
                if (int.TryParse(section["TimeoutSeconds"], out var seconds) && seconds > 0)
                {
                    options.Timeout = TimeSpan.FromSeconds(seconds);
                }

                return options;
            }
        }
        """;

    private static string EventModule(int m) => $$"""
        using Shop.M{{m}}.Contracts;
        using Shop.M{{m}}.Services;

        namespace Shop.M{{m}}.Events;

        /// <summary>Reacts to the events of module {{m}}.</summary>
        public sealed class Orders{{m}}EventModule : IEventModule
        {
            private readonly Pricing{{m}}Service _pricing;

            public Orders{{m}}EventModule(Pricing{{m}}Service pricing) => _pricing = pricing;

            public async Task SubscribeAsync(IEventBus bus, CancellationToken cancellationToken)
            {
                await bus.SubscribeAsync<OrderCreated{{m}}>(
                    "m{{m}}.order.created",
                    (ctx, created, ct) => _pricing.AuditAsync(ctx, $"created {created.OrderId} for {created.Total}", ct),
                    null,
                    cancellationToken).ConfigureAwait(false);
            }
        }
        """;
}
