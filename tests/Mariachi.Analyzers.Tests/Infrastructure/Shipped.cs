using System.Collections.Immutable;
using System.Reflection;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer and code fix the package ships, found by reflection: a new rule is covered without being listed.</summary>
internal static class Shipped
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = InstancesOf<DiagnosticAnalyzer>(typeof(DiagnosticDescriptors).Assembly);

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = InstancesOf<CodeFixProvider>(typeof(EditorCodeFixProvider).Assembly);

    private static ImmutableArray<T> InstancesOf<T>(Assembly assembly) => assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t))
        .Select(t => (T)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
