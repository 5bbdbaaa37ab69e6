using System;
using System.Collections.Generic;
using System.IO;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// Paths as a baseline writes them: relative to its folder, with forward slashes. Pure string work (an analyzer
/// reads no files), case-insensitive where the file system is (Windows).
/// </summary>
internal static class BaselinePaths
{
    private static readonly StringComparison Comparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary><paramref name="file"/> relative to <paramref name="directory"/> (<c>../</c> when outside it); null without a common root.</summary>
    public static string? Relative(string directory, string file)
    {
        var from = Segments(directory);
        var to = Segments(file);
        if (from.Count == 0 || to.Count == 0 || !string.Equals(from[0], to[0], Comparison))
        {
            return null;
        }

        var common = 1;
        while (common < from.Count && common < to.Count - 1 && string.Equals(from[common], to[common], Comparison))
        {
            common++;
        }

        var parts = new List<string>();
        for (var i = common; i < from.Count; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < to.Count; i++)
        {
            parts.Add(to[i]);
        }

        return string.Join("/", parts);
    }

    /// <summary>The folder of a file path, as a string (no file-system access).</summary>
    public static string DirectoryOf(string filePath)
    {
        var slash = filePath.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? string.Empty : slash == 0 ? filePath.Substring(0, 1) : filePath.Substring(0, slash);
    }

    /// <summary>The last segment of a path (no validation of its characters, unlike <c>Path.GetFileName</c> on .NET Framework).</summary>
    public static string FileNameOf(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    /// <summary>Whether two paths name the same file once <c>.</c>, <c>..</c> and separators are resolved.</summary>
    public static bool Same(string left, string right)
    {
        var a = Segments(left);
        var b = Segments(right);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], Comparison))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The root (empty for <c>/</c>, <c>C:</c> on Windows) then each folder, with <c>.</c> and <c>..</c> resolved.</summary>
    private static List<string> Segments(string path)
    {
        var result = new List<string>();
        var raw = path.Split('/', '\\');
        for (var i = 0; i < raw.Length; i++)
        {
            var segment = raw[i];
            if (i == 0)
            {
                result.Add(segment);
            }
            else if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            else if (segment == ".." && result.Count > 1)
            {
                result.RemoveAt(result.Count - 1);
            }
            else
            {
                result.Add(segment);
            }
        }

        return result;
    }
}
