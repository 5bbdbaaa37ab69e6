using System;
using System.Linq;
using System.Text.RegularExpressions;

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
}
