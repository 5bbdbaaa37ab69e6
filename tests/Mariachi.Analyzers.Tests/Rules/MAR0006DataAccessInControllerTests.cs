using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0006DataAccessInControllerTests
{
    /// <summary>Data-access types as the rule matches them: by name, with no EF Core reference.</summary>
    private const string Data = """
        using System.Collections.Generic;
        using System.Linq;
        using Mariachi;
        using Mariachi.Data;

        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { public int SaveChanges() => 0; }
            public abstract class DbSet<T> : IEnumerable<T> where T : class
            {
                public abstract void Add(T entity);
                public abstract IEnumerator<T> GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
        }

        namespace Shop.Data
        {
            public sealed class Order : IEntity { public System.Guid Id { get; set; } }
            public class ShopDb : Microsoft.EntityFrameworkCore.DbContext { public Microsoft.EntityFrameworkCore.DbSet<Order> Orders { get; set; } = null!; }
            public interface IOrderRepository : IRepository<Order> { }
        }
        """;

    private static MariachiAnalyzerTest<DataAccessInControllerAnalyzer> Test(string source, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<DataAccessInControllerAnalyzer>(source, aspNetCore: true);
        test.TestState.Sources.Add(("/0/Data.cs", Data));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static Task Verify(string source, params DiagnosticResult[] expected) => Test(source, expected).RunAsync();

    private static DiagnosticResult At(int markup, string type, string layer) =>
        new DiagnosticResult(DiagnosticDescriptors.DataAccessInController).WithLocation(markup).WithArguments(type, layer);

    [Fact]
    public Task Repositories_DbContexts_and_DbSets_in_a_controller_are_reported_at_each_type_syntax_and_member_use() => Verify(
        """
        using System.Linq;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Data;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Data;

        public sealed class OrdersController({|#0:ShopDb|} db, {|#1:IRepository<Order>|} orders) : ControllerBase
        {
            private readonly {|#2:IOrderRepository|}? _custom = null;

            public int Count() => {|#3:db.Orders|}.Count();

            public Task<Order?> Find(Context ctx, System.Guid id) => {|#4:orders.FindByIdAsync(ctx, id)|};

            public int Save()
            {
                {|#5:{|#6:db.Orders|}.Add(new Order())|};
                return {|#7:db.SaveChanges()|};
            }
        }
        """,
        At(0, "ShopDb", "Controller"),
        At(1, "IRepository<Order>", "Controller"),
        At(2, "IOrderRepository", "Controller"),
        At(3, "ShopDb", "Controller"),
        At(4, "IRepository<Order>", "Controller"),
        At(5, "DbSet<Order>", "Controller"),
        At(6, "ShopDb", "Controller"),
        At(7, "DbContext", "Controller"));

    [Fact]
    public Task Type_syntax_in_signatures_initializers_and_bodies_is_reported_once_and_GeneratedCode_members_are_skipped() => Verify(
        """
        using System;
        using System.CodeDom.Compiler;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Data;

        public sealed class OrdersController : ControllerBase
        {
            private readonly {|#0:ShopDb|} _db = new {|#1:ShopDb|}();
            private readonly Func<object> _factory = () => new {|#2:ShopDb|}();

            public OrdersController() : this(new {|#3:ShopDb|}()) { }

            public OrdersController(object db) { }

            public object Property { get; } = typeof({|#4:IOrderRepository|});

            public int Count() { {|#5:ShopDb|} db = _db; return 0; }

            [GeneratedCode("tool", "1.0")]
            public int Generated() { ShopDb db = _db; return 0; }
        }
        """,
        At(0, "ShopDb", "Controller"),
        At(1, "ShopDb", "Controller"),
        At(2, "ShopDb", "Controller"),
        At(3, "ShopDb", "Controller"),
        At(4, "IOrderRepository", "Controller"),
        At(5, "ShopDb", "Controller"));

    [Fact]
    public Task ADO_NET_types_in_controllers_named_by_suffix_page_models_and_hubs_are_reported() => Verify(
        """
        using System.Data;
        using System.Data.Common;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;

        public sealed class ReportsController
        {
            public object Run({|#0:DbConnection|} connection) => typeof({|#1:IDbCommand|});
        }

        public sealed class IndexModel : PageModel
        {
            public void OnGet({|#2:IDbConnection|} connection) { }
        }

        public sealed class OrdersHub : Hub
        {
            public void Send(object value)
            {
                if (value is {|#3:DbDataReader|} reader) { }
            }
        }
        """,
        At(0, "DbConnection", "Controller"),
        At(1, "IDbCommand", "Controller"),
        At(2, "IDbConnection", "Controller"),
        At(3, "DbDataReader", "Controller"));

    [Fact]
    public Task Middleware_endpoint_filters_MVC_filters_and_pipeline_lambdas_are_facade_code() => Verify(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc.Filters;
        using Shop.Data;

        public sealed class TenantMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context, {|#0:ShopDb|} db) => next(context);
        }

        public sealed class AuditMiddleware : IMiddleware
        {
            private {|#1:ShopDb|}? _db;
            public Task InvokeAsync(HttpContext context, RequestDelegate next) => next(context);
        }

        public sealed class ValidationFilter : IEndpointFilter
        {
            public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
                next(context.GetArgument<{|#2:ShopDb|}>(0) is null ? context : context);
        }

        public sealed class AuditAttribute : ActionFilterAttribute
        {
            public override void OnActionExecuting(ActionExecutingContext context) =>
                _ = context.HttpContext.RequestServices.GetService(typeof({|#3:ShopDb|}));
        }

        public static class Pipeline
        {
            public static void Configure(WebApplication app, ShopDb bootstrapOnly)
            {
                bootstrapOnly.SaveChanges();
                app.Use(async (context, next) =>
                {
                    var db = ({|#4:ShopDb|})context.RequestServices.GetService(typeof({|#5:ShopDb|}))!;
                    {|#6:db.SaveChanges()|};
                    await next(context);
                });
                app.Run(context => context.RequestServices.GetService(typeof({|#7:ShopDb|})) is null ? Task.CompletedTask : Task.CompletedTask);
            }
        }
        """,
        At(0, "ShopDb", "Facade"),
        At(1, "ShopDb", "Facade"),
        At(2, "ShopDb", "Facade"),
        At(3, "ShopDb", "Facade"),
        At(4, "ShopDb", "Facade"),
        At(5, "ShopDb", "Facade"),
        At(6, "DbContext", "Facade"),
        At(7, "ShopDb", "Facade"));

    [Fact]
    public Task A_pipeline_lambda_is_found_however_Use_is_spelt() => Verify(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Shop.Data;

        public static class Pipeline
        {
            public static void Configure(WebApplication app) =>
                app.U\u0073e(async (context, next) =>
                {
                    _ = context.RequestServices.GetService(typeof({|#0:ShopDb|}));
                    await next(context);
                });
        }
        """,
        At(0, "ShopDb", "Facade"));

    [Fact]
    public Task Minimal_API_handlers_are_reported_but_registrations_and_bootstrap_code_are_not()
    {
        var test = Test(
            """
            using System.Linq;
            using Mariachi.Data;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Shop.Data;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddScoped<ShopDb>();
            builder.Services.AddScoped<IRepository<Order>>(provider => null!);
            builder.Services.AddScoped<IOrderRepository, IOrderRepository>();
            builder.Services.AddScoped(provider => new ShopDb());
            var app = builder.Build();
            new ShopDb().SaveChanges();
            app.MapGet("/orders", ({|#0:ShopDb|} db) => {|#1:db.Orders|}.Count());
            app.Run();

            """,
            At(0, "ShopDb", "Controller"),
            At(1, "ShopDb", "Controller"));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Registration_calls_in_controller_code_are_not_reported_but_the_rest_of_the_method_is() => Verify(
        """
        using Mariachi.Data;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Data;

        public sealed class OrdersController : ControllerBase
        {
            public static void AddOrders(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
            {
                builder.Services.AddScoped<IRepository<Order>>(provider => (IOrderRepository)null!);
                builder.Services.AddScoped<IOrderRepository, IOrderRepository>();
                builder.Services.AddScoped(provider => new ShopDb());
                _ = new {|#0:ShopDb|}();
            }
        }
        """,
        At(0, "ShopDb", "Controller"));

    [Fact]
    public Task Services_plain_classes_using_directives_nameof_XML_docs_unresolved_types_and_service_handlers_are_not_reported() => Verify(
        """
        using System.Linq;
        using Mariachi.Data;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Shop.Data;
        using Db = Shop.Data.ShopDb;

        public sealed class OrderService(ShopDb db)
        {
            public int Count() => db.Orders.Count();
        }

        public static class OrderEndpoints
        {
            public static void Map(WebApplication app, OrderService orders) => app.MapGet("/orders", orders.Count);
        }

        public sealed class ReportBuilder(IRepository<Order> orders)
        {
            public object Orders => orders;
        }

        /// <summary>Reads <see cref="ShopDb"/> through <see cref="IRepository{T}"/>.</summary>
        public sealed class OrdersController : ControllerBase
        {
            public string Name() => nameof(ShopDb) + nameof(Db.Orders);
            public void Broken({|CS0246:MissingDb|} db) { }
        }
        """);

    [Fact]
    public Task A_configured_data_access_abstraction_and_its_implementations_are_reported_only_with_the_key()
    {
        const string Source = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Storage
            {
                public interface IStore<T, TId> { T Get(TId id); }
                public interface IOrderStore : IStore<string, Guid> { }
            }

            public sealed class OrdersController(Shop.Storage.IOrderStore orders, Shop.Storage.IStore<int, int> counts) : ControllerBase
            {
                public string Get(Guid id) => orders.Get(id);
            }
            """;
        var without = Test(Source);
        var with = Test(
                Source
                    .Replace("(Shop.Storage.IOrderStore orders, Shop.Storage.IStore<int, int> counts)", "({|#0:Shop.Storage.IOrderStore|} orders, {|#1:Shop.Storage.IStore<int, int>|} counts)", StringComparison.Ordinal)
                    .Replace("=> orders.Get(id)", "=> {|#2:orders.Get(id)|}", StringComparison.Ordinal),
                At(0, "IOrderStore", "Controller"),
                At(1, "IStore<int, int>", "Controller"),
                At(2, "IStore<string, Guid>", "Controller"))
            .WithEditorConfig("mariachi.data_access_types = Shop.Storage.IStore");
        return Task.WhenAll(without.RunAsync(), with.RunAsync());
    }

    [Fact]
    public Task A_configured_facade_type_and_its_implementations_are_facade_code()
    {
        const string Source = """
            using Shop.Data;

            namespace Shop.Web { public interface IRequestHook { void Before(); } }

            public sealed class AuditHook(ShopDb db) : Shop.Web.IRequestHook
            {
                public void Before() => db.SaveChanges();
            }
            """;
        var without = Test(Source);
        var with = Test(
                Source
                    .Replace("AuditHook(ShopDb db)", "AuditHook({|#0:ShopDb|} db)", StringComparison.Ordinal)
                    .Replace("=> db.SaveChanges()", "=> {|#1:db.SaveChanges()|}", StringComparison.Ordinal),
                At(0, "ShopDb", "Facade"),
                At(1, "DbContext", "Facade"))
            .WithEditorConfig("mariachi.facade_types = IRequestHook");
        return Task.WhenAll(without.RunAsync(), with.RunAsync());
    }

    [Fact]
    public Task A_using_alias_of_a_data_access_type_is_reported() => Verify(
        """
        using Microsoft.AspNetCore.Mvc;
        using Store = Shop.Data.ShopDb;

        public sealed class OrdersController({|#0:Store|} db) : ControllerBase
        {
            public object Get() => db;
        }
        """,
        At(0, "ShopDb", "Controller"));

    [Fact]
    public Task Test_projects_are_skipped_unless_included()
    {
        const string Source = """
            using Shop.Data;
            public sealed class OrdersController
            {
                public void Save(ShopDb db) { }
            }
            """;
        var skipped = Test(Source);
        skipped.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var included = Test(Source.Replace("Save(ShopDb db)", "Save({|#0:ShopDb|} db)", StringComparison.Ordinal), At(0, "ShopDb", "Controller"))
            .WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return Task.WhenAll(skipped.RunAsync(), included.RunAsync());
    }

    [Theory]
    [InlineData("class OrdersController { void M(System.Data.Common.DbConnection c) { c. } }")]
    [InlineData("class OrdersController { void M() { var x = (System.Data.IDbConnection) ; } }")]
    [InlineData("static class P { static void M(Microsoft.AspNetCore.Builder.WebApplication app) { app.Use(async (ctx, next) => { System.Data.Common.DbCommand c = ; }); } }")]
    [InlineData("class M { public System.Threading.Tasks.Task InvokeAsync(Microsoft.AspNetCore.Http.HttpContext context, System.Data.IDbConnection ")]
    public async Task Half_typed_code_does_not_throw(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new DataAccessInControllerAnalyzer(), code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
