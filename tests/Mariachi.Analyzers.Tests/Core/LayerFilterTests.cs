using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The text and name gates in front of MAR0001/MAR0006/MAR0007's binding: what they let through must include every
/// name and call the rules report; what they keep out is what the cost work removed.
/// </summary>
public sealed class LayerFilterTests
{
    [Theory]
    [InlineData("app.Use(async (c, n) => await n());", true)]
    [InlineData("app.Use (x => x);", true)]
    [InlineData("app.@Use(x => x);", true)]
    [InlineData("x = 1Use;", true)]
    [InlineData("var User = GetUser(); ReUse(); Used();", false)]
    [InlineData("// no call here: Users, Useful", false)]
    public void A_call_name_is_found_as_a_whole_word_only(string text, bool found) =>
        Assert.Equal(found, LayerSyntax.MentionsWord(text, "Use"));

    [Fact]
    public void The_HTTP_server_names_of_the_references_are_the_types_of_the_server_namespaces_not_every_type_of_their_assemblies()
    {
        // A package with one extension class in Microsoft.AspNetCore.Builder (as many have) and its own types.
        var package = Reference("Acme.Web", """
            namespace Microsoft.AspNetCore.Builder { public static class AcmeApplicationBuilderExtensions { } }
            namespace Microsoft.AspNetCore.Http.Acme { public class Envelope { public class Part { } } }
            namespace Acme.Web { public class OrderModel { } public class Envelope2 { } }
            """);
        var compilation = CSharpCompilation.Create("Shop", [CSharpSyntaxTree.ParseText("class C { }")], [.. TestReferences.NetCore, .. TestReferences.AspNetCore, package]);
        var options = new OptionsCache(new AnalyzerOptions([])).Global;
        var filter = new TypeNameFilter(
            compilation,
            HttpServerTypes.IsHttpServerType,
            HttpServerTypes.UnlistedDeclarers(compilation),
            referencedWantedNames: HttpServerTypes.ReferencedNames(compilation));

        Assert.True(filter.MayBeNamed("AcmeApplicationBuilderExtensions", 0, options, CancellationToken.None));
        Assert.True(filter.MayBeNamed("Part", 0, options, CancellationToken.None));
        Assert.True(filter.MayBeNamed("HttpContext", 0, options, CancellationToken.None));
        Assert.False(filter.MayBeNamed("OrderModel", 0, options, CancellationToken.None));
        Assert.False(filter.MayBeNamed("Envelope2", 0, options, CancellationToken.None));
    }

    private static MetadataReference Reference(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.NetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join(", ", emit.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
