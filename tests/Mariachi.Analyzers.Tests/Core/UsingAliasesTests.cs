using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>The using aliases a compilation declares, which make a name's text say nothing of what it denotes.</summary>
public sealed class UsingAliasesTests
{
    [Fact]
    public void Using_aliases_are_read_from_the_usings_of_the_file_and_its_namespaces_only()
    {
        var tree = CSharpSyntaxTree.ParseText(
            "using Top = System.String;\nusing System;\nnamespace A { using Inner = System.Int32; namespace B { using Deep = System.Guid; } }\n" +
            "class K { void M() { /* using NotAnAlias = System.Object; */ } }");
        var aliases = new UsingAliases(CSharpCompilation.Create("t", [tree]));

        Assert.True(aliases.Contains("Top", CancellationToken.None));
        Assert.True(aliases.Contains("Inner", CancellationToken.None));
        Assert.True(aliases.Contains("Deep", CancellationToken.None));
        Assert.False(aliases.Contains("System", CancellationToken.None));
        Assert.False(aliases.Contains("NotAnAlias", CancellationToken.None));
    }
}
