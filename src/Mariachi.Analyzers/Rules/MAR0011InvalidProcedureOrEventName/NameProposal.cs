using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Mariachi.Naming;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// A valid name close to an invalid one: lower case, camel humps split by '-' (<c>SendReminder</c> becomes
/// <c>send-reminder</c>), '/', '\' and ':' taken for '.', empty segments (leading, trailing or doubled separators)
/// dropped, accents removed (<c>criação</c> becomes <c>criacao</c>), spaces and other punctuation taken for '-'.
/// No proposal when the meaning would have to be guessed: a segment starting with a digit, a letter without an
/// ASCII form, a segment left empty, or the wrong number of segments.
/// </summary>
internal static class NameProposal
{
    public static string? For(string name, bool isEvent)
    {
        var segments = new List<string>();
        foreach (var raw in name.Split('.', '/', '\\', ':'))
        {
            var trimmed = raw.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var segment = Segment(trimmed);
            if (segment is null)
            {
                return null;
            }

            segments.Add(segment);
        }

        var proposal = string.Join(".", segments);
        var valid = isEvent ? NameRule.IsEvent(proposal) : NameRule.IsProcedure(proposal);
        return valid && proposal != name ? proposal : null;
    }

    /// <summary>One segment made valid, or null when that needs a guess.</summary>
    private static string? Segment(string raw)
    {
        var builder = new StringBuilder(raw.Length + 4);
        var previous = '\0';
        foreach (var c in raw.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c >= 'A' && c <= 'Z')
            {
                // A hump: lower or digit before upper (sendReminder), or an acronym's end (HTTPServer keeps one word).
                if ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9'))
                {
                    Dash(builder);
                }

                builder.Append((char)(c + ('a' - 'A')));
            }
            else if (NameRule.IsSegmentCharacter(c))
            {
                if (c != '-' || builder.Length > 0)
                {
                    builder.Append(c);
                }
            }
            else if (char.IsLetter(c) || char.IsDigit(c))
            {
                return null;
            }
            else
            {
                Dash(builder);
            }

            previous = c;
        }

        var segment = builder.ToString().Trim('-', '_');
        return segment.Length > 0 && segment[0] >= 'a' && segment[0] <= 'z' ? segment : null;
    }

    /// <summary>Appends a '-' unless the segment is empty or already ends with one.</summary>
    private static void Dash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[builder.Length - 1] != '-')
        {
            builder.Append('-');
        }
    }
}
