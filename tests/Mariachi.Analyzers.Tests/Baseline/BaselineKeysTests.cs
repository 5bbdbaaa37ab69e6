using Mariachi.Analyzers.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Baseline;

public sealed class BaselineKeysTests
{
    private static readonly DiagnosticDescriptor Rule = DiagnosticDescriptors.ControllerReferencesService;

    [Theory]
    [InlineData("namespace Shop.Orders { class A { void M() { var x = /*here*/1; } } }", "Shop.Orders.A.M")]
    [InlineData("namespace Shop; class A<T> { class B { int M<U>() => /*here*/1; } }", "Shop.A`1.B.M`1")]
    [InlineData("class A { A() { /*here*/M(); } static A() { } void M() { } }", "A..ctor")]
    [InlineData("class A { static A() { /*here*/M(); } static void M() { } }", "A..cctor")]
    [InlineData("class A { int P { get { return /*here*/1; } } }", "A.P")]
    [InlineData("class A { int f = 0, g = /*here*/1; }", "A.g")]
    [InlineData("class A { /*here*/System.Int32 f = 0, g = 1; }", "A.f")]
    [InlineData("class A { int this[int i] => /*here*/i; }", "A.this[]")]
    [InlineData("class A { public static A operator +(A a, A b) => /*here*/a; }", "A.operator +")]
    [InlineData("class A { void M() { int L() => /*here*/1; } }", "A.M")]
    [InlineData("enum E { One = /*here*/1 }", "E.One")]
    [InlineData("class A : /*here*/System.IDisposable { public void Dispose() { } }", "A")]
    [InlineData("System.Console.WriteLine(/*here*/1);", EnclosingSymbol.TopLevel)]
    public void The_enclosing_symbol_is_named_from_syntax(string code, string expected)
    {
        var tree = CSharpSyntaxTree.ParseText(code, path: "/repo/src/A.cs");
        var position = code.IndexOf("/*here*/", StringComparison.Ordinal) + "/*here*/".Length;

        var key = BaselineKeys.For(Diagnostic.Create(Rule, Location.Create(tree, new TextSpan(position, 1))), "/repo", CancellationToken.None);

        Assert.Equal(expected, key!.Symbol);
    }

    [Fact]
    public void The_key_has_the_rule_the_relative_file_and_the_flagged_line_normalised()
    {
        var code = "class A\n{\n    void M()\n    {\n        var   x =\t1 +\n            2;\n    }\n}\n";
        var tree = CSharpSyntaxTree.ParseText(code, path: "/repo/src/Shop/A.cs");
        var diagnostic = Diagnostic.Create(Rule, Location.Create(tree, new TextSpan(code.IndexOf("1 +", StringComparison.Ordinal), 9)));

        var key = BaselineKeys.For(diagnostic, "/repo/src/Shop/../", CancellationToken.None)!;

        Assert.Equal(("MAR0001", "Shop/A.cs", "A.M", "var x = 1 +"), (key.Rule, key.File, key.Symbol, key.Source));
        Assert.Equal("../src/Shop/A.cs", BaselineKeys.For(diagnostic, "/repo/tests", CancellationToken.None)!.File);
        Assert.Null(BaselineKeys.For(Diagnostic.Create(Rule, Location.None), "/repo", CancellationToken.None));
    }

    [Theory]
    [InlineData("/repo", "/repo/src/A.cs", "src/A.cs")]
    [InlineData("/repo/", "/repo/./src//A.cs", "src/A.cs")]
    [InlineData("/repo/tests", "/repo/src/A.cs", "../src/A.cs")]
    [InlineData("/", "/A.cs", "A.cs")]
    [InlineData("/repo/src/A.cs", "/repo/src/A.cs", "../A.cs")]
    [InlineData("C:\\repo", "D:\\repo\\A.cs", null)]
    public void Paths_are_relative_to_the_baseline_folder_with_forward_slashes(string directory, string file, string? expected)
    {
        Assert.Equal(expected, BaselinePaths.Relative(directory, file));
    }
}
