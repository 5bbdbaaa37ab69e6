using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The per-type gate of MAR0006/MAR0007 (issues 18-20): a type of the layer whose text names no forbidden type gets
/// no type-syntax actions at all (the actions registered on its symbol start are recorded), only the member-use
/// action, and still reports every member use; MAR0006's name filter asks a project reference for the types it declares under a name, not only
/// whether it declares one.
/// </summary>
public sealed class LayerGateTests
{
    private const string ServiceNamingNoServerType = """
        using System.Collections.Generic;
        namespace Shop;
        public sealed class OrderService
        {
            private readonly List<int> _items = new();
            public int Count(IEnumerable<int> extra) { var all = new List<int>(_items); all.AddRange(extra); return all.Count; }
        }
        """;

    [Fact]
    public async Task MAR0007_looks_only_at_member_uses_in_a_service_that_names_no_HTTP_server_type()
    {
        var run = await RunAsync(new HttpTypeInServiceAnalyzer(), TestReferences.AspNetCore, ServiceNamingNoServerType);

        Assert.Equal(0, run.TypeSyntaxActions);
        Assert.True(run.MemberUseActions > 0);
        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("public string Path(Microsoft.AspNetCore.Http.HttpContext http) => \"\";")]
    [InlineData("public string Path(Microsoft.AspNetCore.Http.Http\\u0043ontext http) => \"\";")]
    [InlineData("public object Ok() => typeof(Microsoft.AspNetCore.Http.IResult);")]
    public async Task MAR0007_looks_at_type_syntax_where_the_service_names_an_HTTP_server_type(string member)
    {
        var source = "namespace Shop; public sealed class OrderService { " + member + " }";

        var run = await RunAsync(new HttpTypeInServiceAnalyzer(), TestReferences.AspNetCore, source);

        Assert.True(run.TypeSyntaxActions > 0);
        Assert.Equal("MAR0007", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public async Task MAR0007_still_reports_the_members_a_service_reaches_without_naming_their_type()
    {
        const string Source = """
            namespace Shop;
            public sealed class Accessor { public Microsoft.AspNetCore.Http.HttpContext? Current { get; set; } }
            public sealed class OrderService(Accessor accessor)
            {
                public string? Where() => accessor.Current?.Request.Path.Value;
            }
            """;

        var run = await RunAsync(new HttpTypeInServiceAnalyzer(), TestReferences.AspNetCore, Source);

        Assert.Equal(0, run.TypeSyntaxActions);
        Assert.Equal(["Request", "Path", "Value"], run.Diagnostics.Select(d => Name(d)).ToArray());
    }

    [Fact]
    public async Task MAR0006_skips_the_type_syntax_of_a_controller_naming_only_plain_types_of_a_project_that_uses_ADO_NET()
    {
        var run = await RunAsync(new DataAccessInControllerAnalyzer(), [ShopCore], """
            using Shop.Core;
            namespace Shop.Web;
            public sealed class OrdersController
            {
                public OrderModel Get(OrderModel input) => new OrderModel { Id = input.Id };
            }
            """);

        Assert.Equal(0, run.TypeSyntaxActions);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task MAR0006_reports_a_data_access_type_of_a_project_reference()
    {
        var run = await RunAsync(new DataAccessInControllerAnalyzer(), [ShopCore], """
            using Shop.Core;
            namespace Shop.Web;
            public sealed class OrdersController
            {
                public OrderModel Get(ShopConnection connection) => new OrderModel();
            }
            """);

        Assert.True(run.TypeSyntaxActions > 0);
        Assert.Equal("MAR0006", Assert.Single(run.Diagnostics).Id);
    }

    /// <summary>A project of the solution that uses ADO.NET: its plain types share the assembly with a connection type.</summary>
    private static readonly MetadataReference ShopCore = Reference("Shop.Core", """
        namespace Shop.Core;
        public sealed class OrderModel { public int Id { get; set; } }
        public abstract class ShopConnection : System.Data.Common.DbConnection { }
        """);

    private static string Name(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan).Split('.', '?').Last();

    private static MetadataReference Reference(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.NetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join(", ", emit.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static async Task<(int TypeSyntaxActions, int MemberUseActions, IReadOnlyList<Diagnostic> Diagnostics)> RunAsync(
        DiagnosticAnalyzer analyzer, IEnumerable<MetadataReference> references, string source)
    {
        var compilation = CSharpCompilation.Create(
            "Shop.Gate",
            [CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs")],
            [.. TestReferences.NetCore, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzerOptions = new AnalyzerOptions([]);
        var withAnalyzers = compilation.WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = (await withAnalyzers.GetAnalyzerDiagnosticsAsync())
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.End).ToList();

        // What the rule registers on the type named like the layer's (OrderService, OrdersController).
        var options = OptionsCache.Of(compilation, analyzerOptions);
        var layerReferences = analyzer is HttpTypeInServiceAnalyzer
            ? HttpTypeInServiceAnalyzer.References(compilation, options)
            : DataAccessInControllerAnalyzer.References(compilation, options);
        var type = compilation.GetSymbolsWithName(n => n is "OrderService" or "OrdersController", SymbolFilter.Type).Single();
        var recorder = new RecordingContext(type, compilation, analyzerOptions);
        layerReferences!.Register(recorder, "Layer", null);
        return (recorder.SyntaxNodeActions + recorder.OperationBlockActions, recorder.OperationActions, diagnostics);
    }

    /// <summary>Counts what a rule registers on one symbol start (the driver's telemetry does not count these).</summary>
#pragma warning disable CS0618 // The constructor is obsolete for hosts; here it only records registrations.
    private sealed class RecordingContext(ISymbol symbol, Compilation compilation, AnalyzerOptions options)
        : SymbolStartAnalysisContext(symbol, compilation, options, CancellationToken.None)
    {
        public int SyntaxNodeActions { get; private set; }

        public int OperationBlockActions { get; private set; }

        public int OperationActions { get; private set; }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OperationActions++;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => OperationBlockActions++;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => SyntaxNodeActions++;
    }
#pragma warning restore CS0618
}
