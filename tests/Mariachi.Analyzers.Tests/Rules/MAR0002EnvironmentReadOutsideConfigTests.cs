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
    public Task A_Main_method_may_read_allow_listed_constants_but_other_members_of_Program_may_not() => VerifyEntryPoint(
        """
        using System;
        static class Program
        {
            const string Port = "PORT";

            static void Main()
            {
                var port = Environment.GetEnvironmentVariable(Port);
                var url = {|MAR0002:Environment.GetEnvironmentVariable("ORDERS_URL")|};
            }

            static string? Helper() => {|MAR0002:Environment.GetEnvironmentVariable("PORT")|};
        }
        """);

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
