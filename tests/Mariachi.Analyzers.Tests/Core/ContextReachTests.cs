using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The gate of MAR0003-MAR0005: a compilation that references Mariachi.Abstractions but has no Context in reach
/// (the word in prose, other types' <c>Context</c> properties, other <c>Register</c> methods) is skipped; every way
/// a Context can reach code without the word <c>Context</c> being written there keeps the rules on.
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
            /// <summary>Context of the check; see <see cref="Holder.Context"/>.</summary>
            class Holder
            {
                // The Context of the request.
                public string Context { get; set; } = "Context";

                public void M(CancellationToken token, Holder other)
                {
                    token.Register(() => { });
                    var text = other.Context + $"{nameof(Context)}";
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
    [InlineData("class C { void M() { var ctx = Mariachi.Cont\\u0065xt.Create(); } }")]
    public void The_type_written_in_the_source_is_in_reach(string source)
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
    public void A_library_method_that_returns_a_Context_is_in_reach()
    {
        var library = Library("namespace Shop; public static class Flows { public static Mariachi.Context Current() => Mariachi.Context.Create(); }");

        Assert.True(IsPossible([library], "class C { void M() { var flow = Shop.Flows.Current(); } }"));
    }

    [Fact]
    public void A_library_base_type_that_exposes_a_Context_is_in_reach()
    {
        var library = Library("namespace Shop; public abstract class FlowAware { protected Mariachi.Context Flow { get; } = Mariachi.Context.Create(); }");

        Assert.True(IsPossible([library], "class C : Shop.FlowAware { void M() { } }"));
    }

    [Fact]
    public void A_library_of_other_members_leaves_the_code_skipped()
    {
        var library = Library("namespace Shop; public static class Flows { public static Mariachi.Context Current() => Mariachi.Context.Create(); public static int Count() => 0; }");

        Assert.False(IsPossible([library], "class C { int M() => Shop.Flows.Count(); string Current() => \"Current\"; }"));
    }

    [Fact]
    public void The_words_are_Context_and_the_members_that_give_one_not_those_of_Context_itself_or_those_that_take_one()
    {
        var words = ContextReach.WordsFor(KnownSymbols.Create(Compile("Under.Test", [])));

        Assert.Contains("Context", words);
        Assert.Contains("Register", words);
        Assert.Contains("SubscribeAsync", words);
        Assert.DoesNotContain("Create", words);
        Assert.DoesNotContain("WithTenant", words);
        Assert.DoesNotContain("ICommunication", words);

        // Members that only take a Context (the caller needs one already) are no way in.
        Assert.DoesNotContain("CallAsync", words);
        Assert.DoesNotContain("Equals", words);
    }
}
