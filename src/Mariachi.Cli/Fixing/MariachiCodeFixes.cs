using System.Collections.Immutable;
using System.Reflection;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mariachi.Cli.Fixing;

/// <summary>The code fixes of Mariachi.CodeFixes (the ones the IDE offers), found by their export attribute.</summary>
internal static class MariachiCodeFixes
{
    public static ImmutableArray<CodeFixProvider> All { get; } = typeof(EditorCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract
            && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rule ids some fix can repair.</summary>
    public static IReadOnlySet<string> FixableIds { get; } = All.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
}
