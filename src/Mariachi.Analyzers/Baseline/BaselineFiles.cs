using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Baseline;

/// <summary>Finds the baseline among a project's additional files and reads it once per text.</summary>
internal static class BaselineFiles
{
    // Keyed by the immutable text: the IDE hands every compilation of an unchanged file the same SourceText.
    private static readonly ConditionalWeakTable<SourceText, BaselineRead> Reads = new ConditionalWeakTable<SourceText, BaselineRead>();

    /// <summary>The additional files named <c>mariachi-baseline.json</c>, one per distinct path, in path order (hosts differ in theirs).</summary>
    public static IReadOnlyList<AdditionalText> All(ImmutableArray<AdditionalText> additionalFiles)
    {
        var result = new List<AdditionalText>();
        foreach (var file in additionalFiles.Where(f => IsBaseline(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!result.Any(r => BaselinePaths.Same(r.Path, file.Path)))
            {
                result.Add(file);
            }
        }

        return result;
    }

    /// <summary>The baseline that applies: the only one; none when there is none or more than one (MAR0901 says so).</summary>
    public static AdditionalText? Applicable(ImmutableArray<AdditionalText> additionalFiles)
    {
        // Most projects have none: decided by the file names alone, without sorting or allocating.
        if (!Any(additionalFiles))
        {
            return null;
        }

        var all = All(additionalFiles);
        return all.Count == 1 ? all[0] : null;
    }

    /// <summary>True when some additional file is named <c>mariachi-baseline.json</c>.</summary>
    public static bool Any(ImmutableArray<AdditionalText> additionalFiles)
    {
        foreach (var file in additionalFiles)
        {
            if (IsBaseline(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the file name of <paramref name="path"/> is <c>mariachi-baseline.json</c>, in any case.</summary>
    public static bool IsBaseline(string path)
    {
        var name = BaselineDocument.FileName;
        return path.EndsWith(name, StringComparison.OrdinalIgnoreCase)
            && (path.Length == name.Length || path[path.Length - name.Length - 1] is '/' or '\\');
    }

    /// <summary>The baseline's content, or why it cannot be read; null when the host has no text for the file.</summary>
    public static BaselineRead? Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        return text is null ? null : Reads.GetValue(text, t => BaselineDocument.Read(t.ToString()));
    }
}
