using System.Diagnostics.CodeAnalysis;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0900InvalidOptionTests
{
    private const string Source = "class C { }";

    private static MariachiAnalyzerTest<InvalidOptionAnalyzer> Test(string source = Source, bool mariachi = true) => new(source, mariachi);

    private static DiagnosticResult Invalid(string key, string value) =>
        new DiagnosticResult(DiagnosticDescriptors.InvalidOption)
            .WithNoLocation()
            .WithArguments(key, value, MariachiOptions.Validate(key, value)!);

    [Fact]
    public async Task An_unknown_key_in_editorconfig_is_reported_with_the_known_keys()
    {
        var test = Test().WithEditorConfig("mariachi.service_sufixes = Manager\nmariachi.service_suffixes = Service, Manager\n");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.service_sufixes", "Manager"));
        await test.RunAsync();

        Assert.Contains("mariachi.service_suffixes", MariachiOptions.Validate("mariachi.service_sufixes", "Manager"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_bool_in_globalconfig_is_reported_once_per_compilation()
    {
        var test = Test().WithGlobalConfig("mariachi.include_test_projects = yes\n");
        test.TestState.Sources.Add("class D { }");
        test.TestState.Sources.Add("class E { }");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.include_test_projects", "yes"));
        await test.RunAsync();

        Assert.Contains("'true' or 'false'", MariachiOptions.Validate("mariachi.include_test_projects", "yes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_list_values_are_reported()
    {
        var test = Test().WithEditorConfig(
            "mariachi.service_patterns = *Manager, [a-z]+\nmariachi.environment_allow_list = PORT, ADMIN-PORT\nmariachi.controller_suffixes = Controller\n");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.environment_allow_list", "PORT, ADMIN-PORT"));
        test.ExpectedDiagnostics.Add(Invalid("mariachi.service_patterns", "*Manager, [a-z]+"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Malformed_layer_lists_are_reported_and_valid_ones_are_not()
    {
        var test = Test().WithEditorConfig(
            "mariachi.data_access_types = IRepository, I[Store]\nmariachi.facade_types = *Hook\n"
            + "mariachi.http_server_namespaces = Acme..Web\nmariachi.http_server_types = Acme.Web.RequestInfo\n");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.data_access_types", "IRepository, I[Store]"));
        test.ExpectedDiagnostics.Add(Invalid("mariachi.http_server_namespaces", "Acme..Web"));
        await test.RunAsync();

        Assert.Null(MariachiOptions.Validate("mariachi.http_server_namespaces", "Acme.Web.Http, Carter"));
        Assert.Null(MariachiOptions.Validate("mariachi.facade_types", "*Hook, Acme.Web.IRequestHook"));
    }

    [Fact]
    public async Task Valid_keys_produce_nothing()
    {
        var test = Test()
            .WithEditorConfig(
                "mariachi.service_suffixes = Service, Manager\nmariachi.service_patterns = *Manager, *.Services.*\nmariachi.controller_suffixes = Controller, Endpoint\n"
                + "mariachi.config_namespaces = Configuration, Settings\nmariachi.environment_allow_list = PORT, GRPC_PORT\ndotnet_diagnostic.MAR0002.severity = error\nmariachi_other = 1\n")
            .WithGlobalConfig("mariachi.include_test_projects = True\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task The_same_invalid_entry_from_editorconfig_and_globalconfig_is_reported_once()
    {
        var test = Test()
            .WithEditorConfig("mariachi.include_test_projects = maybe\n")
            .WithGlobalConfig("mariachi.include_test_projects = maybe\nmariachi.unknown = 1\n");
        test.TestState.Sources.Add("class D { }");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.include_test_projects", "maybe"));
        test.ExpectedDiagnostics.Add(Invalid("mariachi.unknown", "1"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Different_values_for_different_files_are_each_reported()
    {
        var test = Test();
        test.TestState.Sources.Add("class D { }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [Test0.cs]
            mariachi.include_test_projects = on

            [Test1.cs]
            mariachi.include_test_projects = off
            """));
        test.ExpectedDiagnostics.Add(Invalid("mariachi.include_test_projects", "on"));
        test.ExpectedDiagnostics.Add(Invalid("mariachi.include_test_projects", "off"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Works_without_Mariachi()
    {
        var test = Test(mariachi: false).WithEditorConfig("mariachi.nope = 1\n");
        test.ExpectedDiagnostics.Add(Invalid("mariachi.nope", "1"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Each_configuration_is_read_once_though_every_file_has_its_own_options_object()
    {
        // As csc does: one options object per file, wrapping the dictionary shared by the files with the same sections.
        var shared = new CountedDictionary(new() { ["indent_size"] = "4", ["mariachi.service_suffixes"] = "Service" });
        var alone = new CountedDictionary(new() { ["indent_size"] = "4", ["mariachi.servce_suffixes"] = "Manager" });
        var trees = Enumerable.Range(0, 5).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}", path: $"/src/C{i}.cs")).ToList();
        var provider = new PerFileOptions(trees.ToDictionary(t => t, t => (AnalyzerConfigOptions)new Wrapper(t.FilePath == "/src/C3.cs" ? alone : shared)));
        var compilation = CSharpCompilation.Create("Shop", trees, TestReferences.NetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await compilation
            .WithAnalyzers([new InvalidOptionAnalyzer()], new AnalyzerOptions([], provider))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal("mariachi.servce_suffixes", Assert.Single(diagnostics).GetMessage().Split('\'')[1]);
        Assert.Equal(1, shared.KeyReads);
        Assert.Equal(1, alone.KeyReads);
    }

    [Fact]
    public void Options_objects_with_more_state_than_one_dictionary_are_their_own_configuration()
    {
        var identity = new ConfigurationIdentity();
        var values = new CountedDictionary([]);

        Assert.Same(identity.Of(new Wrapper(values)), identity.Of(new Wrapper(values)));
        Assert.NotSame(identity.Of(new Wrapper(values)), identity.Of(new Wrapper(new CountedDictionary([]))));
        Assert.NotSame(identity.Of(new Layered(values, "a")), identity.Of(new Layered(values, "b")));
    }

    [Fact]
    public async Task Half_typed_code_never_throws()
    {
        var diagnostics = await SingleAnalyzerRun.RunAsync(new InvalidOptionAnalyzer(), "}}}{{{ class ( Context ctx ) => ;");

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>String pairs that count how often their keys are listed.</summary>
    private sealed class CountedDictionary(Dictionary<string, string> values) : IReadOnlyDictionary<string, string>
    {
        private int _keyReads;

        public int KeyReads => _keyReads;

        public IEnumerable<string> Keys
        {
            get
            {
                Interlocked.Increment(ref _keyReads);
                return values.Keys;
            }
        }

        public IEnumerable<string> Values => values.Values;

        public int Count => values.Count;

        public string this[string key] => values[key];

        public bool ContainsKey(string key) => values.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => values.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Options whose only state is one dictionary, as csc's.</summary>
    private sealed class Wrapper(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    /// <summary>Options that answer from more than their dictionary.</summary>
    private sealed class Layered(IReadOnlyDictionary<string, string> values, string extra) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys.Append("mariachi." + extra);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value) || ((value = key == "mariachi." + extra ? "1" : null) is not null);
    }

    private sealed class PerFileOptions(IReadOnlyDictionary<SyntaxTree, AnalyzerConfigOptions> byTree) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Wrapper(new CountedDictionary([]));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => byTree[tree];

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }
}
