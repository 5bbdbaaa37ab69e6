using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Baseline;

/// <summary>Computes a diagnostic's <see cref="BaselineKey"/>; the analyzer package and the command-line tool both call it, so they agree.</summary>
internal static class BaselineKeys
{
    /// <summary>
    /// The key of <paramref name="diagnostic"/> against a baseline in <paramref name="baselineDirectory"/>; null when
    /// the diagnostic has no source location or its file shares no root with that folder (another drive).
    /// </summary>
    public static BaselineKey? For(Diagnostic diagnostic, string baselineDirectory, CancellationToken cancellationToken)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource || location.SourceTree is not { } tree)
        {
            return null;
        }

        var file = BaselinePaths.Relative(baselineDirectory, tree.FilePath);
        if (file is null)
        {
            return null;
        }

        var start = location.SourceSpan.Start;
        var token = tree.GetRoot(cancellationToken).FindToken(start);
        var line = tree.GetText(cancellationToken).Lines.GetLineFromPosition(start).ToString();
        return new BaselineKey(diagnostic.Id, file, EnclosingSymbol.Of(token.Parent), NormalizeSource(line));
    }

    /// <summary>The line trimmed, each run of whitespace inside it made one space: re-indenting keeps the key.</summary>
    public static string NormalizeSource(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
