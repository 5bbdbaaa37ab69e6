using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The text scan behind MAR0003's name filter: every method (and the type of every constructor) declared with a
/// Context parameter is named, however its declaration is written (a name it misses is a call MAR0003 no longer
/// checks); locals, fields, properties and prose are not; a using alias of Context turns the filter off.
/// </summary>
public sealed class ContextParameterNamesTests
{
    private static ContextParameterNames Scan(string source) =>
        ContextParameterNames.Of(CSharpSyntaxTree.ParseText(source), CancellationToken.None);

    [Theory]
    [InlineData("class C { void Save(Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(int id, Context? ctx = null) { } }", "Save")]
    [InlineData("class C { void Save(int id, Context ? ctx) { } }", "Save")]
    [InlineData("class C { void Save(Mariachi.Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(global::Mariachi.Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(in Context ctx) { } }", "Save")]
    [InlineData("class C { void @Save(Context @ctx) { } }", "Save")]
    [InlineData("class C { T Find<T, U>(Context ctx, T key) where T : class => key; }", "Find")]
    [InlineData("class C : I { void I.Save(Context ctx) { } }", "Save")]
    [InlineData("static class E { public static void Save(this string s, [System.Obsolete] Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(int id = (1 + 2), Context ctx = null) { } }", "Save")]
    [InlineData("class C { void M() { void Local(Context ctx) { } } }", "Local")]
    [InlineData("delegate void Handler(Context ctx);", "Handler")]
    [InlineData("class C { void Save(\n    int id,\n    Context ctx) { } }", "Save")]
    [InlineData("class Repo { public Repo(Context ctx) { } }", "Repo")]
    [InlineData("class Repo<T> { public Repo(Context ctx, T item) { } }", "Repo")]
    [InlineData("record Repo(Context Ctx);", "Repo")]
    [InlineData("class Repo(string name, Context ctx);", "Repo")]
    public void A_method_or_constructor_with_a_Context_parameter_is_named(string source, string expected)
    {
        var scanned = Scan(source);

        Assert.True(scanned.IsKnown);
        Assert.Contains(expected, scanned.Names);
    }

    [Theory]
    // A comment, string, character or directive inside the parameter list: the syntax decides.
    [InlineData("class C { void Save(/* the flow */ Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(Context /* the flow */ ctx) { } }", "Save")]
    [InlineData("class C { void Save(\n    // the caller's flow\n    Context ctx) { } }", "Save")]
    [InlineData("class C { void Save(string prefix = \")\", Context ctx = null) { } }", "Save")]
    [InlineData("class C { void Save(char open = '(', Context ctx = null) { } }", "Save")]
    [InlineData("class C { void Save([System.ComponentModel.Description(\"(\")] Context ctx) { } }", "Save")]
    [InlineData("class Repo { public Repo(/* the flow */ Context ctx) { } }", "Repo")]
    [InlineData("record Repo(string Name = \"(\", Context? Ctx = null);", "Repo")]
    [InlineData("class C { void Save(\n#if DEBUG\n    int trace,\n#endif\n    Context ctx) { } }", "Save")]
    public void A_parameter_behind_a_comment_string_or_directive_is_named(string source, string expected)
    {
        Assert.Contains(expected, Scan(source).Names);
    }

    [Theory]
    [InlineData("class C { Context _ctx; }")]
    [InlineData("class C { Context Ctx { get; } }")]
    [InlineData("class C { void M() { Context ctx = null; } }")]
    [InlineData("class C { void M() { var c = Context.Create(); } }")]
    [InlineData("class C { void M() { System.Func<Context, int> f = (Context c) => 1; } }")]
    [InlineData("class C { int this[Context ctx] => 0; }")]
    [InlineData("class C { /// <summary>Forwards the Context given.</summary>\n void M() { } }")]
    [InlineData("class C { string M() => \"the Context here\"; }")]
    [InlineData("class C { void M(HttpContext http, DbContext db, ContextLogger log) { } }")]
    public void Locals_fields_lambdas_indexers_prose_and_other_types_are_not_named(string source)
    {
        var scanned = Scan(source);

        Assert.True(scanned.IsKnown);
        Assert.DoesNotContain("M", scanned.Names);
        Assert.DoesNotContain("C", scanned.Names);
    }

    [Theory]
    [InlineData("using Ctx = Mariachi.Context;\nclass C { void Save(Ctx c) { } }")]
    [InlineData("global using Ctx = global::Mariachi.Context;")]
    [InlineData("namespace N { using Ctx = Context; }")]
    public void A_using_alias_of_Context_makes_the_tree_unknown(string source)
    {
        Assert.False(Scan(source).IsKnown);
    }

    [Fact]
    public void A_tree_without_Context_names_nothing()
    {
        var scanned = Scan("class C { void Save(int id) { } }");

        Assert.True(scanned.IsKnown);
        Assert.Empty(scanned.Names);
    }
}
