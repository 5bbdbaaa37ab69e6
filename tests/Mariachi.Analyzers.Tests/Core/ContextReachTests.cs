using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The gate of MAR0003-MAR0005: a compilation that references Mariachi.Abstractions but never names Mariachi (the
/// word in prose or strings, its own types named Context, other <c>Register</c> methods) is skipped; every way code
/// can name a Mariachi type, or be handed one by another assembly, keeps the rules on.
/// </summary>
public sealed class ContextReachTests
{
    private static bool IsPossible(params string[] sources) => IsPossible([], sources);

    private static bool IsPossible(MetadataReference[] extra, params string[] sources)
    {
        var compilation = Compile("Under.Test", extra, sources);
        return ContextReach.IsPossible(KnownSymbols.Create(compilation), CancellationToken.None);
    }

    private static CSharpCompilation Compile(string name, MetadataReference[] extra, params string[] sources) =>
        CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            TestReferences.NetCore.Concat(TestReferences.Mariachi).Concat(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>A library that references Mariachi.Abstractions, as a metadata reference.</summary>
    private static MetadataReference Library(string source)
    {
        var library = Compile("Shop.Library", [], source);
        Assert.Empty(library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public void Code_without_a_Context_in_reach_is_skipped()
    {
        Assert.False(IsPossible(
            """
            using System.Threading;
            // Mariachi will come later.
            /// <summary>Context of the check; see <see cref="Holder.Context"/>.</summary>
            class Holder
            {
                // The Context of the request.
                public string Context { get; set; } = "Context";

                public void M(CancellationToken token, Holder other)
                {
                    token.Register(() => { });
                    var text = other.Context + $"{nameof(Context)} Mariachi.Context";
            #if MARIACHI
                    Mariachi.Context.Create();
            #endif
                }
            }
            """,
            """
            class Context { }
            class User { Context _own = new Context(); }
            """));
    }

    [Fact]
    public void Without_Mariachi_nothing_is_possible()
    {
        var compilation = CSharpCompilation.Create(
            "Plain",
            [CSharpSyntaxTree.ParseText("class C { void M(int Context) { } }")],
            TestReferences.NetCore);

        Assert.False(ContextReach.IsPossible(KnownSymbols.Create(compilation), CancellationToken.None));
    }

    [Theory]
    [InlineData("class C { void M(Mariachi.Context ctx) { } }")]
    [InlineData("using Mariachi; class C { Context _ctx; }")]
    [InlineData("class C { void M() { var ctx = Mariachi.Context.Create(); } }")]
    [InlineData("class C { void M() { var ctx = Mari\\u0061chi.Context.Create(); } }")]
    [InlineData("namespace Mariachi.Shop; class C { void M(Context ctx) { } }")]
    [InlineData("using Mariachi.Communication; class C { void M(ICommunication communication) { } }")]
    [InlineData("using Microsoft.Extensions.DependencyInjection; class C { void M(IServiceCollection services) => services.AddMariachiConfiguration(); }")]
    public void Code_that_names_a_Mariachi_type_is_in_reach(string source)
    {
        Assert.True(IsPossible(source));
    }

    [Fact]
    public void A_handler_lambda_receives_a_Context_without_naming_it()
    {
        Assert.True(IsPossible(
            """
            using System.Threading.Tasks;
            using Mariachi.Communication;
            class Module
            {
                void Map(ICommunication communication) =>
                    communication.Register<int, int>("orders.count", (ctx, input) => Task.FromResult(input));
            }
            """));
    }

    [Fact]
    public void A_global_alias_declared_in_another_file_is_in_reach()
    {
        Assert.True(IsPossible(
            "global using Flow = Mariachi.Context;",
            "class C { void M(Flow flow) { } }"));
    }

    [Fact]
    public void A_library_built_against_Mariachi_can_hand_out_a_Context_under_any_name()
    {
        var library = Library("namespace Shop; public abstract class FlowAware { protected Mariachi.Context Flow { get; } = Mariachi.Context.Create(); }");

        Assert.True(IsPossible([library], "class C : Shop.FlowAware { void M() { } }"));
    }

    [Fact]
    public void A_library_built_against_Mariachi_reaches_nothing_until_code_names_what_it_hands_out()
    {
        // Its Mariachi types are under the Mariachi namespaces (naming them spells Mariachi), its other API involves none.
        var library = Library(
            """
            namespace Mariachi.Shop { public static class Flows { public static Mariachi.Context Start() => Mariachi.Context.Create(); } }
            namespace Shop { public static class Prices { public static decimal Of(string sku) => sku.Length; } }
            """);

        Assert.False(IsPossible([library], "class C { decimal M() => Shop.Prices.Of(\"tea\"); }"));
        Assert.True(IsPossible([library], "class C { void M() { var flow = Mariachi.Shop.Flows.Start(); } }"));
    }

    [Fact]
    public void An_adapter_referenced_by_a_project_that_names_nothing_of_Mariachi_reaches_nothing()
    {
        const string Plain = "using Microsoft.Extensions.DependencyInjection; class C { void M(IServiceCollection services) => services.AddLogging(); }";

        Assert.False(IsPossible([TestReferences.InMemoryAdapters], Plain));
        Assert.True(IsPossible([TestReferences.InMemoryAdapters], "using Microsoft.Extensions.DependencyInjection; class C { void M(IServiceCollection services) => services.AddMariachi(); }"));
    }

    [Theory]
    [InlineData("namespace Shop; public static class Flows { public static Mariachi.Context Current() => Mariachi.Context.Create(); }", "class C { void M() { var flow = Shop.Flows.Current(); } }")]
    [InlineData("namespace Shop; public abstract class FlowAware { protected Mariachi.Context Flow { get; } = Mariachi.Context.Create(); } public abstract class OrderBase : FlowAware { }", "class C : Shop.OrderBase { }")]
    [InlineData("namespace Shop; public class Failure : Mariachi.MariachiError { public Failure() : base(\"internal\", \"x\") { } }", "class C { object M() => new Shop.Failure(); }")]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Under.Test\")] namespace Shop { internal static class Flows { internal static Mariachi.Context Current() => Mariachi.Context.Create(); } }", "class C { void M() { var flow = Shop.Flows.Current(); } }")]
    public void A_library_member_that_hands_out_a_Mariachi_type_under_another_name_is_in_reach(string library, string source)
    {
        Assert.True(IsPossible([Library(library)], source));
    }

    [Fact]
    public void Many_words_are_found_by_reading_the_identifiers_once()
    {
        var members = string.Join(" ", Enumerable.Range(1, 12).Select(i => $"public static Mariachi.Context Flow{i}() => Mariachi.Context.Create();"));
        var library = Library($"namespace Shop; public static class Flows {{ {members} }}");

        Assert.True(IsPossible([library], "class C { object M() => Shop.Flows.Flow12(); }"));
        Assert.False(IsPossible([library], "class C { string M() => \"Shop.Flows.Flow12()\" + nameof(M) + \"Flow1\"; } class Flow13 { } class XFlow1 { }"));
    }

    [Fact]
    public void The_words_are_Mariachi_and_the_members_declared_outside_its_namespaces_that_involve_it()
    {
        var words = ContextReach.WordsFor(KnownSymbols.Create(Compile("Under.Test", [])));

        Assert.Contains("Mariachi", words);
        Assert.Contains("AddMariachiConfiguration", words);

        // MariachiBuilder's members lead to no Mariachi type; Services would make every ASP.NET Core host count.
        Assert.DoesNotContain("Services", words);
        Assert.DoesNotContain("Context", words);
    }
}
