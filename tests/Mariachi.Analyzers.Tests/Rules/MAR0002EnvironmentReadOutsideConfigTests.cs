using System.Collections.Immutable;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0002EnvironmentReadOutsideConfigTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>.VerifyAsync(source, expected);

    private static Task VerifyFix(string source, string fixedSource) =>
        MariachiCodeFixTest<EnvironmentReadOutsideConfigAnalyzer, EnvironmentReadOutsideConfigCodeFix>.VerifyAsync(source, fixedSource);

    private static Task VerifyEntryPoint(string source, string? editorConfig = null)
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(source);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        return test.RunAsync();
    }

    private static Task VerifyAspNetCore(string source) =>
        new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(source, mariachi: false, aspNetCore: true).RunAsync();

    private const string AppHostSource = """
        using System;
        namespace Shop.AppHost
        {
            internal static class Extensions
            {
                public static string Name() => Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development";
            }
        }
        """;

    /// <summary>An assembly named Aspire.Hosting, as an AppHost references it (the package is not needed to tell).</summary>
    private static readonly Lazy<MetadataReference> AspireHosting = new(() =>
    {
        var compilation = CSharpCompilation.Create(
            "Aspire.Hosting",
            [CSharpSyntaxTree.ParseText("namespace Aspire.Hosting { public interface IDistributedApplicationBuilder { } }")],
            TestReferences.NetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    });

    private static DiagnosticResult Diagnostic(int location, string call) =>
        new DiagnosticResult(DiagnosticDescriptors.EnvironmentReadOutsideConfig).WithLocation(location).WithArguments(call);

    [Fact]
    public Task Every_reading_member_and_overload_is_reported_with_the_call_as_written() => Verify(
        """
        using System;
        namespace Shop.Orders
        {
            class OrderService
            {
                void Read()
                {
                    var url = {|#0:Environment.GetEnvironmentVariable("ORDERS_URL")|};
                    var user = {|#1:Environment.GetEnvironmentVariable("ORDERS_URL", EnvironmentVariableTarget.User)|};
                    var all = {|#2:Environment.GetEnvironmentVariables()|};
                    var machine = {|#3:Environment.GetEnvironmentVariables(EnvironmentVariableTarget.Machine)|};
                    var path = {|#4:Environment.ExpandEnvironmentVariables("%HOME%/orders")|};
                    var name = Environment.MachineName;
                }
            }
        }
        """,
        Diagnostic(0, "Environment.GetEnvironmentVariable(\"ORDERS_URL\")"),
        Diagnostic(1, "Environment.GetEnvironmentVariable(\"ORDERS_URL\", EnvironmentVariableTarget.User)"),
        Diagnostic(2, "Environment.GetEnvironmentVariables()"),
        Diagnostic(3, "Environment.GetEnvironmentVariables(EnvironmentVariableTarget.Machine)"),
        Diagnostic(4, "Environment.ExpandEnvironmentVariables(\"%HOME%/orders\")"));

    [Fact]
    public Task A_call_spanning_lines_is_named_by_its_method() => Verify(
        """
        using System;
        class OrderService
        {
            string? Url() => {|#0:Environment.GetEnvironmentVariable(
                "ORDERS_URL")|};
        }
        """,
        Diagnostic(0, "Environment.GetEnvironmentVariable"));

    [Fact]
    public Task Method_groups_and_using_static_are_reported_but_nameof_is_not() => Verify(
        """
        using System;
        using static System.Environment;
        class OrderService
        {
            void Read()
            {
                Func<string, string?> read = {|MAR0002:Environment.GetEnvironmentVariable|};
                Func<string, string> expand = {|MAR0002:ExpandEnvironmentVariables|};
                var viaStatic = {|MAR0002:GetEnvironmentVariable("X")|};
                var name = nameof(Environment.GetEnvironmentVariable);
            }
        }
        """);

    [Fact]
    public Task Other_members_named_like_the_environment_readers_are_not_reported() => Verify(
        """
        class Settings
        {
            public static string? GetEnvironmentVariable(string name) => null;
        }

        class OrderService
        {
            string? Read() => Settings.GetEnvironmentVariable("X");
        }
        """);

    [Fact]
    public Task The_config_layer_is_exempt() => Verify(
        """
        using System;
        namespace Shop.Configuration
        {
            class OrdersSettings
            {
                public string? Url { get; } = Environment.GetEnvironmentVariable("ORDERS_URL");
                string? Read() => Environment.GetEnvironmentVariable("ORDERS_URL");
                Func<string, string?> Reader => Environment.GetEnvironmentVariable;
            }
        }

        namespace Shop.Config.Sources
        {
            class Loader
            {
                void Load() { var all = Environment.GetEnvironmentVariables(); Action a = () => Environment.GetEnvironmentVariable("A"); }
            }
        }

        namespace Shop.Configurations
        {
            class NotConfig { string? Read() => {|MAR0002:Environment.GetEnvironmentVariable("X")|}; }
        }
        """);

    [Fact]
    public async Task The_config_namespaces_are_configurable()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(
            """
            using System;
            namespace Shop.Settings { class A { string? Read() => Environment.GetEnvironmentVariable("X"); } }
            namespace Shop.Configuration { class B { string? Read() => {|MAR0002:Environment.GetEnvironmentVariable("X")|}; } }
            """).WithEditorConfig("mariachi.config_namespaces = Settings\n");
        await test.RunAsync();
    }

    [Fact]
    public Task Top_level_statements_may_read_allow_listed_constants() => VerifyEntryPoint(
        """
        using System;
        const string AdminPort = "ADMIN_PORT";
        var port = Environment.GetEnvironmentVariable("PORT");
        var admin = Environment.GetEnvironmentVariable(AdminPort);
        var hook = Environment.GetEnvironmentVariable(variable: "WEBHOOK_PORT", EnvironmentVariableTarget.Process);
        Func<string?> later = () => Environment.GetEnvironmentVariable("PORT");
        string? Local() => Environment.GetEnvironmentVariable("PORT");

        var name = "PORT";
        var fromVariable = {|MAR0002:Environment.GetEnvironmentVariable(name)|};
        var other = {|MAR0002:Environment.GetEnvironmentVariable("DATABASE_URL")|};
        var lower = {|MAR0002:Environment.GetEnvironmentVariable("port")|};
        var all = {|MAR0002:Environment.GetEnvironmentVariables()|};
        var expanded = {|MAR0002:Environment.ExpandEnvironmentVariables("%PORT%")|};
        Func<string, string?> group = {|MAR0002:Environment.GetEnvironmentVariable|};
        """);

    [Fact]
    public Task Every_member_of_the_entry_point_type_may_read_allow_listed_constants_and_nothing_else() => VerifyEntryPoint(
        """
        using System;
        static class Program
        {
            const string Port = "PORT";
            static readonly string? AdminPort = Environment.GetEnvironmentVariable("ADMIN_PORT");

            static void Main()
            {
                var port = Environment.GetEnvironmentVariable(Port);
                var url = {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
            }

            static string? StartServer()
            {
                Func<string?> later = () => Environment.GetEnvironmentVariable("WEBHOOK_PORT");
                var url = {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
                var all = {|MAR0002:Environment.GetEnvironmentVariables()|};
                return Environment.GetEnvironmentVariable("PORT");
            }

            static class Nested
            {
                static string? Port() => {|MAR0002:Environment.GetEnvironmentVariable("PORT")|};
            }
        }

        static class Other
        {
            static string? Port() => {|MAR0002:Environment.GetEnvironmentVariable("PORT")|};
        }
        """);

    [Fact]
    public Task Members_of_a_partial_Program_beside_top_level_statements_follow_the_allow_list() => VerifyEntryPoint(
        """
        using System;
        var port = Program.Port();

        partial class Program
        {
            internal static string? Port() => Environment.GetEnvironmentVariable("PORT");
            internal static string? Url() => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
        }
        """);

    [Fact]
    public Task Builder_extension_methods_and_methods_taking_a_builder_are_composition_root() => VerifyAspNetCore(
        """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        namespace Shop.Web
        {
            public static class Composition
            {
                public static IServiceCollection AddOrders(this IServiceCollection services)
                {
                    var url = Environment.GetEnvironmentVariable("ORDERS_URL");
                    void Local() => Environment.GetEnvironmentVariable("A");
                    return services;
                }

                public static IHostBuilder UseOrders(this IHostBuilder host) { Environment.GetEnvironmentVariables(); return host; }
                public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder) { Environment.GetEnvironmentVariable("A"); return builder; }
                public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder) { Environment.GetEnvironmentVariable("A"); return builder; }
                public static IWebHostBuilder UseShopUrls(this IWebHostBuilder web) { Environment.GetEnvironmentVariable("A"); return web; }
                public static IConfigurationBuilder AddShopFiles(this IConfigurationBuilder config) { Environment.ExpandEnvironmentVariables("%A%"); return config; }
                public static ILoggingBuilder AddShopLogging(this ILoggingBuilder logging) { Environment.GetEnvironmentVariable("A"); return logging; }
                public static ConfigurationManager AddShopSecrets(this ConfigurationManager manager) { Environment.GetEnvironmentVariable("A"); return manager; }
                public static TBuilder AddDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder { Environment.GetEnvironmentVariable("A"); return builder; }

                public static IApplicationBuilder UseShop(this IApplicationBuilder app) { {|MAR0002:Environment.GetEnvironmentVariable("A")|}; return app; }
                public static IEndpointRouteBuilder MapShop(this IEndpointRouteBuilder routes) { {|MAR0002:Environment.GetEnvironmentVariable("A")|}; return routes; }
                public static string Shout(this string text) => text + {|MAR0002:Environment.GetEnvironmentVariable("A")|};
            }

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) => Environment.GetEnvironmentVariable("A");
                public void Register(int port, IServiceCollection services) => Environment.GetEnvironmentVariable("A");
                public void Configure(IApplicationBuilder app) => {|MAR0002:Environment.GetEnvironmentVariable("A")|};
            }

            public sealed class OrderService
            {
                public string? Url(IServiceProvider provider) => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
            }
        }
        """);

    [Fact]
    public Task Lambdas_passed_to_Configure_methods_of_a_builder_are_composition_root() => VerifyAspNetCore(
        """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Shop.Web
        {
            public sealed class OrdersOptions { public string? Url { get; set; } }

            public sealed class Pipeline
            {
                public void Configure(Action configure) => configure();
            }

            public static class Bootstrap
            {
                public static void Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.Configure<OrdersOptions>(o => o.Url = Environment.GetEnvironmentVariable("ORDERS_URL"));
                    builder.Services.AddOptions<OrdersOptions>().Configure(o => o.Url = Environment.GetEnvironmentVariable("ORDERS_URL"));
                    builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = Environment.GetEnvironmentVariable("A") == "1");
                    builder.Host.ConfigureHostOptions(o => { Func<string?> inner = () => Environment.GetEnvironmentVariable("A"); });
                    Host.CreateDefaultBuilder(args)
                        .ConfigureWebHostDefaults(web => web.UseSetting("a", Environment.GetEnvironmentVariable("A")))
                        .ConfigureAppConfiguration((context, config) => Environment.GetEnvironmentVariable("A"))
                        .ConfigureServices(services => Environment.GetEnvironmentVariable("A"));

                    builder.Services.AddSingleton(provider => new OrdersOptions { Url = {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|} });
                    new Pipeline().Configure(() => {|MAR0002:Environment.GetEnvironmentVariable("A")|});
                    var url = {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
                }
            }
        }
        """);

    [Fact]
    public Task Design_time_DbContext_factories_are_composition_root() => Verify(
        """
        using System;

        namespace Microsoft.EntityFrameworkCore.Design
        {
            public interface IDesignTimeDbContextFactory<out TContext> where TContext : class
            {
                TContext CreateDbContext(string[] args);
            }
        }

        namespace Shop.Data
        {
            public sealed class ShopContext { public ShopContext(string? connection) { } }

            public sealed class ShopContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args) => new ShopContext(Environment.GetEnvironmentVariable("SHOP_DB"));
                private static string? Fallback => Environment.GetEnvironmentVariable("SHOP_DB_FALLBACK");
            }

            public interface IDesignTimeDbContextFactory<out TContext> { TContext CreateDbContext(string[] args); }

            public sealed class LookAlikeFactory : IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args) => new ShopContext({|MAR0002:Environment.GetEnvironmentVariable("SHOP_DB")|});
            }
        }
        """);

    [Fact]
    public async Task An_Aspire_AppHost_is_composition_root()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(AppHostSource);
        test.TestState.AdditionalReferences.Add(AspireHosting.Value);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_marked_IsAspireHost_is_composition_root()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(AppHostSource).WithGlobalConfig("build_property.IsAspireHost = true\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_not_marked_as_an_Aspire_host_is_checked()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(
            AppHostSource.Replace("Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\")", "{|MAR0002:Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\")|}", StringComparison.Ordinal))
            .WithGlobalConfig("build_property.IsAspireHost = false\n");
        await test.RunAsync();
    }

    [Fact]
    public Task The_allow_list_is_configurable() => VerifyEntryPoint(
        """
        using System;
        var port = {|MAR0002:Environment.GetEnvironmentVariable("PORT")|};
        var grpc = Environment.GetEnvironmentVariable("GRPC_PORT");
        """,
        "mariachi.environment_allow_list = GRPC_PORT\n");

    [Fact]
    public Task Allow_listed_names_outside_the_entry_point_are_reported() => Verify(
        """
        using System;
        class Startup
        {
            string? Port() => {|MAR0002:Environment.GetEnvironmentVariable("PORT")|};
        }
        """);

    [Fact]
    public async Task Test_projects_are_exempt_by_default()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(
            """
            using System;
            class OrderTests { string? Read() => Environment.GetEnvironmentVariable("ORDERS_URL"); }
            """);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task Test_projects_are_reported_when_included()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(
            """
            using System;
            class OrderTests { string? Read() => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|}; }
            """).WithGlobalConfig("mariachi.include_test_projects = true\n");
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task Works_without_Mariachi()
    {
        var test = new MariachiAnalyzerTest<EnvironmentReadOutsideConfigAnalyzer>(
            """
            using System;
            class OrderService { string? Read() => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|}; }
            """,
            mariachi: false);
        await test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_skipped() => Verify(
        """
        // <auto-generated/>
        using System;
        class OrderService { string? Read() => Environment.GetEnvironmentVariable("ORDERS_URL"); }
        """);

    [Fact]
    public Task Fix_reads_from_a_configuration_parameter() => VerifyFix(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            string? Url(IConfiguration configuration) => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            string? Url(IConfiguration configuration) => configuration["ORDERS_URL"];
        }
        """);

    [Fact]
    public Task Fix_reads_from_a_field_keeps_constant_arguments_and_rewrites_double_underscores() => VerifyFix(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            const string Key = "ORDERS_URL";
            private readonly IConfiguration _configuration;
            public OrderService(IConfiguration configuration) => _configuration = configuration;

            string? Url() => {|MAR0002:Environment.GetEnvironmentVariable(Key)|};
            string? Timeout() => {|MAR0002:Environment.GetEnvironmentVariable("Orders__Timeout")|}?.Trim();
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            const string Key = "ORDERS_URL";
            private readonly IConfiguration _configuration;
            public OrderService(IConfiguration configuration) => _configuration = configuration;

            string? Url() => _configuration[Key];
            string? Timeout() => _configuration["Orders:Timeout"]?.Trim();
        }
        """);

    [Fact]
    public Task Fix_prefers_the_innermost_configuration_and_uses_locals_declared_before() => VerifyFix(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            private readonly IConfiguration _configuration = null!;

            void Run(IConfigurationRoot root)
            {
                var a = {|MAR0002:Environment.GetEnvironmentVariable("A")|};
                IConfiguration local = root;
                var b = {|MAR0002:Environment.GetEnvironmentVariable("B")|};
                Func<IConfiguration, string?> read = inner => {|MAR0002:Environment.GetEnvironmentVariable("C")|};
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            private readonly IConfiguration _configuration = null!;

            void Run(IConfigurationRoot root)
            {
                var a = root["A"];
                IConfiguration local = root;
                var b = local["B"];
                Func<IConfiguration, string?> read = inner => inner["C"];
            }
        }
        """);

    [Fact]
    public Task Fix_uses_a_primary_constructor_parameter() => VerifyFix(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService(IConfiguration configuration)
        {
            string? Url() => {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService(IConfiguration configuration)
        {
            string? Url() => configuration["ORDERS_URL"];
        }
        """);

    [Fact]
    public Task Fix_all_repairs_nested_and_neighbouring_reads() => VerifyFix(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            void Run(IConfiguration configuration)
            {
                var a = {|MAR0002:Environment.GetEnvironmentVariable({|MAR0002:Environment.GetEnvironmentVariable("KEY_NAME")|} ?? "A")|};
                var pair = ({|MAR0002:Environment.GetEnvironmentVariable("B")|}, {|MAR0002:Environment.GetEnvironmentVariable("C")|});
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class OrderService
        {
            void Run(IConfiguration configuration)
            {
                var a = configuration[configuration["KEY_NAME"] ?? "A"];
                var pair = (configuration["B"], configuration["C"]);
            }
        }
        """);

    [Fact]
    public async Task No_fix_without_a_usable_configuration()
    {
        const string Source = """
            using System;
            using Microsoft.Extensions.Configuration;
            class OrderService
            {
                private readonly IConfiguration _configuration = null!;
                const string Nested = "Orders__Url";

                static string? Static() => {|MAR0002:Environment.GetEnvironmentVariable("A")|};
                string? Target() => {|MAR0002:Environment.GetEnvironmentVariable("A", EnvironmentVariableTarget.User)|};
                string? All() => {|MAR0002:Environment.ExpandEnvironmentVariables("%A%")|};
                string? NestedConstant() => {|MAR0002:Environment.GetEnvironmentVariable(Nested)|};
                void InStatic(IConfiguration configuration) { Func<string?> f = static () => {|MAR0002:Environment.GetEnvironmentVariable("A")|}; }
            }
            """;
        var test = new MariachiCodeFixTest<EnvironmentReadOutsideConfigAnalyzer, EnvironmentReadOutsideConfigCodeFix>(
            Source,
            Source);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_in_an_instance_method_ignores_a_section_and_uses_the_field()
    {
        var test = new MariachiCodeFixTest<EnvironmentReadOutsideConfigAnalyzer, EnvironmentReadOutsideConfigCodeFix>(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            class OrderService
            {
                private readonly IConfiguration _configuration = null!;
                string? Section(IConfigurationSection section) => {|MAR0002:Environment.GetEnvironmentVariable("A")|};
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            class OrderService
            {
                private readonly IConfiguration _configuration = null!;
                string? Section(IConfigurationSection section) => _configuration["A"];
            }
            """);
        await test.RunAsync();
    }

    [Theory]
    [InlineData("class C { void M() { Environment.GetEnvironmentVariable( } }")]
    [InlineData("class C { void M() { var x = Environment.GetEnvironmentVariable }")]
    [InlineData("class C { string? V = Environment.GetEnvironmentVariable(nameof()); }")]
    [InlineData("class C { void M() { Func<string, string?> f = Environment.GetEnvironmentVariable; f(")]
    [InlineData("class C { void M(IConfiguration c) { var v = Environment.ExpandEnvironmentVariables(Missing.Value, ); } }")]
    [InlineData("var p = Environment.GetEnvironmentVariable(\"PORT\"\nclass C : IConfiguration { }")]
    [InlineData("}}}{{{ Environment.GetEnvironmentVariable(,")]
    public async Task Half_typed_code_never_throws(string code)
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new EnvironmentReadOutsideConfigAnalyzer(), "using System;\nusing Microsoft.Extensions.Configuration;\n" + code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
