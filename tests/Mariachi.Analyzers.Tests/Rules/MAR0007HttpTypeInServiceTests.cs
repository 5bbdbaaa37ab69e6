using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0007HttpTypeInServiceTests
{
    private static MariachiAnalyzerTest<HttpTypeInServiceAnalyzer> Test(string source, params DiagnosticResult[] expected)
    {
        var test = new MariachiAnalyzerTest<HttpTypeInServiceAnalyzer>(source, aspNetCore: true);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static Task Verify(string source, params DiagnosticResult[] expected) => Test(source, expected).RunAsync();

    private static DiagnosticResult At(int markup, string type) =>
        new DiagnosticResult(DiagnosticDescriptors.HttpTypeInService).WithLocation(markup).WithArguments(type, "Service");

    [Fact]
    public Task A_generic_type_is_told_from_a_server_type_of_the_same_name_and_another_arity() => Verify(
        """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public sealed record Page<T>(IReadOnlyList<T> Items);

        public sealed class OrderService
        {
            public Page<int> List() => new Page<int>(new int[0]);

            public {|#0:ActionResult<int>|} Legacy() => 1;

            public object Razor({|#1:Page|} page) => page;
        }
        """,
        At(0, "ActionResult<int>"),
        At(1, "Page"));

    [Fact]
    public Task A_nested_server_type_named_without_its_container_is_reported() => Verify(
        """
        using Microsoft.AspNetCore.Http;

        public class OrderService : HeaderDictionary
        {
            public {|#0:Enumerator|} Walk() => {|#1:GetEnumerator()|};
        }
        """,
        At(0, "Enumerator"),
        At(1, "HeaderDictionary"));

    [Fact]
    public Task Types_written_only_in_code_are_reported_in_bodies_local_functions_and_initializers() => Verify(
        """
        using System;
        using Microsoft.AspNetCore.Http;

        public sealed class OrderService
        {
            public event Func<object, bool> Checked = o => o is {|#0:HttpContext|};

            private readonly Func<object, object?> _as = o => o as {|#1:HttpRequest|};

            public int Count(object[] items)
            {
                var count = 0;
                foreach ({|#2:IResult|} item in items) { count++; }
                try { } catch ({|#3:BadHttpRequestException|}) { }
                if (items[0] is {|#4:HttpResponse|} { {|#10:StatusCode|}: 200 }) { count++; }
                Func<{|#5:IResult|}?> make = {|#6:IResult|}? () => null;
                return count + Local(null);

                int Local({|#7:HttpContext|}? http) => items.Length is var n && Parse(out {|#8:PathString|} path) ? n : 0;
            }

            private static bool Parse(out {|#9:PathString|} path) { path = default; return true; }
        }
        """,
        At(0, "HttpContext"),
        At(1, "HttpRequest"),
        At(2, "IResult"),
        At(3, "BadHttpRequestException"),
        At(4, "HttpResponse"),
        At(5, "IResult"),
        At(6, "IResult"),
        At(7, "HttpContext"),
        At(8, "PathString"),
        At(9, "PathString"),
        At(10, "HttpResponse"));

    [Fact]
    public Task A_type_written_in_a_primary_constructors_base_arguments_is_reported() => Verify(
        """
        using Microsoft.AspNetCore.Http;

        public abstract class ServiceBase(object? request);

        public sealed class OrderService(object o) : ServiceBase(o as {|#0:HttpRequest|});
        """,
        At(0, "HttpRequest"));

    [Fact]
    public Task HTTP_server_types_in_a_service_are_reported_at_each_type_syntax_and_member_use() => Verify(
        """
        using System.Threading.Tasks;
        using Mariachi;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrderService({|#0:IHttpContextAccessor|} accessor)
        {
            public string? Tenant({|#1:HttpContext|} http) => {|#13:{|#2:{|#3:http.Request|}.Headers|}["X-Tenant-Id"]|};

            public {|#4:IResult|} Find(Context ctx, int id) => id > 0 ? {|#5:Results.Ok(id)|} : {|#6:Results.NotFound()|};

            public int Status() => {|#7:StatusCodes.Status404NotFound|};

            public object Accessor() => {|#8:accessor.HttpContext|}!;

            public System.Type Controller() => typeof({|#9:ControllerBase|});

            public Task<{|#10:IActionResult|}> Act() => Task.FromResult<{|#11:IActionResult|}>(new {|#12:OkResult|}());
        }
        """,
        At(0, "IHttpContextAccessor"),
        At(1, "HttpContext"),
        At(2, "HttpRequest"),
        At(3, "HttpContext"),
        At(4, "IResult"),
        At(5, "Results"),
        At(6, "Results"),
        At(7, "StatusCodes"),
        At(8, "IHttpContextAccessor"),
        At(9, "ControllerBase"),
        At(10, "IActionResult"),
        At(11, "IActionResult"),
        At(12, "OkResult"),
        At(13, "IHeaderDictionary"));

    [Fact]
    public Task Configured_HTTP_server_namespaces_and_types_are_reported_only_with_the_keys()
    {
        const string Source = """
            namespace Acme.Web.Http.Headers { public sealed class TenantHeader { public string Value = ""; } }
            namespace Acme.Web { public sealed class RequestInfo { public string Path = ""; } public sealed class Other { } }

            public sealed class OrderService
            {
                public string Tenant(Acme.Web.Http.Headers.TenantHeader header, Acme.Web.RequestInfo info, Acme.Web.Other other) => header.Value + info.Path;
            }
            """;
        var without = Test(Source);
        var with = Test(
                Source
                    .Replace("Tenant(Acme.Web.Http.Headers.TenantHeader header, Acme.Web.RequestInfo info", "Tenant({|#0:Acme.Web.Http.Headers.TenantHeader|} header, {|#1:Acme.Web.RequestInfo|} info", StringComparison.Ordinal)
                    .Replace("=> header.Value + info.Path", "=> {|#2:header.Value|} + {|#3:info.Path|}", StringComparison.Ordinal),
                At(0, "TenantHeader"),
                At(1, "RequestInfo"),
                At(2, "TenantHeader"),
                At(3, "RequestInfo"))
            .WithEditorConfig("mariachi.http_server_namespaces = Acme.Web.Http\nmariachi.http_server_types = Acme.Web.RequestInfo");
        return Task.WhenAll(without.RunAsync(), with.RunAsync());
    }

    [Fact]
    public Task Procedure_modules_and_handlers_passed_to_Register_are_service_code() => Verify(
        """
        using System;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Microsoft.AspNetCore.Http;

        public sealed class OrdersModule : IProcedureModule
        {
            public void Register(ICommunication communication) { }

            private static int NotFound => {|#0:StatusCodes.Status404NotFound|};
        }

        public static class Wiring
        {
            public static void Wire(ICommunication communication, IHttpContextAccessor accessor)
            {
                communication.Register<int, string>("orders.tenant", (ctx, input) =>
                    Task.FromResult({|#3:{|#1:{|#2:accessor.HttpContext|}!.Request|}.Method|}));
                Func<int> notHandler = () => StatusCodes.Status200OK;
            }
        }
        """,
        At(0, "StatusCodes"),
        At(1, "HttpContext"),
        At(2, "IHttpContextAccessor"),
        At(3, "HttpRequest"));

    [Fact]
    public Task HTTP_clients_records_controllers_middleware_using_nameof_XML_docs_and_unresolved_types_are_not_reported() => Verify(
        """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Alias = Microsoft.AspNetCore.Http.HttpContext;

        /// <summary>Calls the <see cref="HttpContext"/>-free shipping API.</summary>
        public sealed class ShippingService(HttpClient client, IHttpClientFactory factory)
        {
            public Task<string> Quote() => client.GetStringAsync("https://shipping.example/quote");
            public HttpClient Create() => factory.CreateClient("shipping");
            public string Name() => nameof(HttpContext) + nameof(Alias.Request);
            public void Broken({|CS0246:MissingContext|} context) { }
        }

        public sealed record OrderService(string Path)
        {
            public static OrderService From(HttpRequest request) => new(request.Path);
        }

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Get(HttpContext context) => Ok(context.Request.Path);
        }

        public sealed class TenantMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context) => next(context);
        }
        """);

    [Fact]
    public Task Without_ASP_NET_Core_referenced_nothing_is_looked_at()
    {
        var test = new MariachiAnalyzerTest<HttpTypeInServiceAnalyzer>(
            """
            namespace Microsoft.AspNetCore.Http { public sealed class HttpContext { } }

            public sealed class OrderService
            {
                public void Handle(Microsoft.AspNetCore.Http.HttpContext context) { }
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Test_projects_are_skipped_unless_included()
    {
        const string Source = """
            using Microsoft.AspNetCore.Http;
            public sealed class OrderService
            {
                public void Handle(HttpContext context) { }
            }
            """;
        var skipped = Test(Source);
        skipped.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        var included = Test(Source.Replace("Handle(HttpContext context)", "Handle({|#0:HttpContext|} context)", StringComparison.Ordinal), At(0, "HttpContext"))
            .WithEditorConfig("mariachi.include_test_projects = true");
        included.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return Task.WhenAll(skipped.RunAsync(), included.RunAsync());
    }

    [Theory]
    [InlineData("class OrderService { void M(Microsoft.AspNetCore.Http.HttpContext c) { c. } }")]
    [InlineData("class OrderService { object M() => Microsoft.AspNetCore.Http.Results.Ok( }")]
    [InlineData("class S { void M(Mariachi.Communication.ICommunication c) { c.Register<int, int>(\"orders.x\", (ctx, x) => Microsoft.AspNetCore.Http.StatusCodes. ); } }")]
    [InlineData("class OrderService : Microsoft.AspNetCore.Mvc. { Microsoft.AspNetCore.Http.IResult ")]
    public async Task Half_typed_code_does_not_throw(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new HttpTypeInServiceAnalyzer(), code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
