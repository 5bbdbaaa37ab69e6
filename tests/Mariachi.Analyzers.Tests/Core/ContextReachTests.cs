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
