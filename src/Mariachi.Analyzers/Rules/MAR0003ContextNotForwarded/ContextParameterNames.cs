using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The names of the methods (and of the types whose constructors) a syntax tree declares with a parameter written
/// <c>Context</c>, read from the tree's text. MAR0003 searches a call for a Context overload only when some method of the called name takes a Context,
/// and most calls (LINQ, logging, entities) are ruled out by this one name look-up instead of reading the symbols
/// of every type the call could reach. Reading the text is what makes the filter pay: walking the declarations of
/// every tree creates their syntax nodes and costs more than the searches it saves.
/// <para>
/// The result may hold extra names (a local function, a method of another type named Context, an <c>out</c>
/// variable in a call), which only cost a search; it must not miss one. Where the text alone is unclear (a
/// comment, string or directive between the parameter and its list) the tree's syntax decides; where a using alias
/// names Context, the tree's parameters cannot be told from its text and the filter is off for the compilation.
/// </para>
/// </summary>
internal sealed class ContextParameterNames
{
    private const string Word = "Context";

    private static readonly PerTreeCache<ContextParameterNames> PerTree = new PerTreeCache<ContextParameterNames>(Scan);

    private static readonly ContextParameterNames Unknown = new ContextParameterNames(isKnown: false, ImmutableArray<string>.Empty);

    private ContextParameterNames(bool isKnown, ImmutableArray<string> names)
    {
        IsKnown = isKnown;
        Names = names;
    }

    /// <summary>False when the tree declares a using alias of Context: its Context parameters may be written otherwise.</summary>
    public bool IsKnown { get; }

    /// <summary>
    /// The names of the methods, local functions and delegates declared with a Context parameter, and of the types
    /// with such a constructor (primary ones included), and some extra names.
    /// </summary>
    public ImmutableArray<string> Names { get; }

    public static ContextParameterNames Of(SyntaxTree tree, CancellationToken cancellationToken) => PerTree.Get(tree, cancellationToken);

    private enum Reading
    {
        /// <summary>Not a parameter of a named method.</summary>
        None,

        /// <summary>A parameter of the method named by the out value.</summary>
        Named,

        /// <summary>The text is unclear here; ask the syntax.</summary>
        Unclear,

        /// <summary>A using alias of Context.</summary>
        Alias,
    }

    private static ContextParameterNames Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        var names = ImmutableArray.CreateBuilder<string>();
        for (var at = text.IndexOf(Word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Word, at + Word.Length, StringComparison.Ordinal))
        {
            if ((at > 0 && IsIdentifierPart(text[at - 1])) || (at + Word.Length < text.Length && IsIdentifierPart(text[at + Word.Length])))
            {
                continue;
            }

            switch (Read(text, at, out var name))
            {
                case Reading.Named:
                    names.Add(name!);
                    break;
                case Reading.Unclear:
                    if (!IsInLineComment(text, at) && NameFromSyntax(tree, at, cancellationToken) is { } fromSyntax)
                    {
                        names.Add(fromSyntax);
                    }

                    break;
                case Reading.Alias:
                    return Unknown;
            }
        }

        return new ContextParameterNames(isKnown: true, names.ToImmutable());
    }

    /// <summary>
    /// Reads the occurrence of Context at <paramref name="at"/>: a declaration (<c>Context name</c>) whose nearest
    /// open parenthesis follows a method name is a parameter of that method; one that meets a statement or member
    /// boundary first is a local, field or property.
    /// </summary>
    private static Reading Read(string text, int at, out string? name)
    {
        name = null;
        var next = SkipSpaceForward(text, at + Word.Length);
        if (next < text.Length && text[next] == '?')
        {
            next = SkipSpaceForward(text, next + 1);
        }

        if (next >= text.Length)
        {
            return Reading.None;
        }

        var after = text[next];
        if (after == ';')
        {
            return IsUsingAlias(text, at) ? Reading.Alias : Reading.None;
        }

        if (after == '/' || after == '#')
        {
            return Reading.Unclear;
        }

        if (!IsIdentifierStart(after) && after != '@')
        {
            return Reading.None;
        }

        var depth = 0;
        for (var i = at - 1; i >= 0; i--)
        {
            switch (text[i])
            {
                case '(' when depth == 0:
                    return NameBefore(text, i, out name);
                case '(':
                case '[' when depth > 0:
                    depth--;
                    break;
                case '[':
                    // An indexer's parameters or an attribute's arguments: not a method's parameter list.
                    return Reading.None;
                case ')':
                case ']':
                    depth++;
                    break;
                case ';':
                case '{':
                case '}':
                    return depth == 0 ? Reading.None : Reading.Unclear;
                case '"':
                case '\'':
                case '/':
                case '*':
                case '#':
                    return Reading.Unclear;
            }
        }

        return Reading.None;
    }

    /// <summary>True when <c>//</c> comes before <paramref name="at"/> on its line and no quote does (a comment, not a string).</summary>
    private static bool IsInLineComment(string text, int at)
    {
        var comment = false;
        for (var i = at - 1; i >= 0 && text[i] != '\n'; i--)
        {
            switch (text[i])
            {
                case '"':
                case '\'':
                    return false;
                case '/' when i > 0 && text[i - 1] == '/':
                    comment = true;
                    break;
            }
        }

        return comment;
    }

    /// <summary>The method name before the parameter list opened at <paramref name="open"/> (over a type parameter list).</summary>
    private static Reading NameBefore(string text, int open, out string? name)
    {
        name = null;
        var i = SkipSpaceBackward(text, open - 1);
        if (i >= 0 && text[i] == '>')
        {
            var depth = 0;
            for (; i >= 0; i--)
            {
                var c = text[i];
                if (c == '>')
                {
                    depth++;
                }
                else if (c == '<' && --depth == 0)
                {
                    break;
                }
                else if (c != ',' && c != '[' && c != ']' && !IsIdentifierPart(c) && !char.IsWhiteSpace(c))
                {
                    return Reading.Unclear;
                }
            }

            i = SkipSpaceBackward(text, i - 1);
        }

        var end = i;
        while (i >= 0 && IsIdentifierPart(text[i]))
        {
            i--;
        }

        if (i == end)
        {
            // A lambda's or tuple's parentheses.
            return Reading.None;
        }

        name = text.Substring(i + 1, end - i);
        return Reading.Named;
    }

    /// <summary>
    /// True for <c>using Name = [qualifier.]Context;</c>. Not the same question as <see cref="UsingAliases"/>:
    /// this scanner reads raw text before any syntax tree exists and asks whether one occurrence of
    /// <c>Context</c> is an alias target; <see cref="UsingAliases"/> collects alias names from syntax trees.
    /// </summary>
    private static bool IsUsingAlias(string text, int at)
    {
        var i = at - 1;
        while (true)
        {
            i = SkipSpaceBackward(text, i);
            if (i >= 1 && text[i] == ':' && text[i - 1] == ':')
            {
                i -= 2;
            }
            else if (i >= 0 && text[i] == '.')
            {
                i--;
            }
            else
            {
                break;
            }

            i = SkipIdentifierBackward(text, SkipSpaceBackward(text, i));
        }

        if (i < 0 || text[i] != '=')
        {
            return false;
        }

        i = SkipIdentifierBackward(text, SkipSpaceBackward(text, i - 1));
        var usingEnd = SkipSpaceBackward(text, i);
        return usingEnd >= 4 && string.CompareOrdinal(text, usingEnd - 4, "using", 0, 5) == 0;
    }

    /// <summary>The name of the method whose parameter's type is the token at <paramref name="at"/>, read from the syntax.</summary>
    private static string? NameFromSyntax(SyntaxTree tree, int at, CancellationToken cancellationToken)
    {
        var token = tree.GetRoot(cancellationToken).FindToken(at);
        if (!token.Span.Contains(at))
        {
            // In a comment or a directive.
            return null;
        }

        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ParameterSyntax { Parent: ParameterListSyntax { Parent: var owner } }:
                    return owner switch
                    {
                        MethodDeclarationSyntax method => method.Identifier.ValueText,
                        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                        DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
                        TypeDeclarationSyntax type => type.Identifier.ValueText,
                        _ => null,
                    };
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static int SkipSpaceForward(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipSpaceBackward(string text, int i)
    {
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i;
    }

    private static int SkipIdentifierBackward(string text, int i)
    {
        while (i >= 0 && (IsIdentifierPart(text[i]) || text[i] == '@'))
        {
            i--;
        }

        return i;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
