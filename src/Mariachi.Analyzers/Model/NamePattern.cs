using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// A name pattern with <c>*</c> wildcards. A pattern without a dot matches a type's simple name
/// (<c>*Manager</c>); a pattern with a dot matches its fully qualified name (<c>*.Services.*</c>).
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    private NamePattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
        MatchesFullName = text.IndexOf('.') >= 0;
    }

    public string Text { get; }

    public bool MatchesFullName { get; }

    public static bool IsValid(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '*');

    public static NamePattern Parse(string text) =>
        new NamePattern(
            text,
            new Regex("^" + Regex.Escape(text).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));

    public bool IsMatch(string simpleName, string fullName) => _regex.IsMatch(MatchesFullName ? fullName : simpleName);

    /// <summary>True when one of <paramref name="patterns"/> matches <paramref name="type"/>'s simple or full name.</summary>
    public static bool MatchesAny(ImmutableArray<NamePattern> patterns, INamedTypeSymbol type)
    {
        if (patterns.IsEmpty)
        {
            return false;
        }

        var fullName = Layers.FullName(type);
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(type.Name, fullName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when one of <paramref name="patterns"/> matches <paramref name="type"/>, a base type of it or an interface
    /// it implements: a configured abstraction brings its implementations along.
    /// </summary>
    public static bool MatchesTypeOrBase(ImmutableArray<NamePattern> patterns, ITypeSymbol type)
    {
        if (patterns.IsEmpty)
        {
            return false;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (MatchesAny(patterns, current.OriginalDefinition))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (MatchesAny(patterns, implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
