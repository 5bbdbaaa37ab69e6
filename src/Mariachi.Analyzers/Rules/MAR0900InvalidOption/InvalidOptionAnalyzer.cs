using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0900: a <c>mariachi.*</c> key in .editorconfig or .globalconfig that is unknown or whose value does not
/// parse. Each distinct key/value is reported once per compilation, without a source location (options belong
/// to configuration files, not to code).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidOptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Decided before any action is registered: a compilation whose options are all valid (nearly every one)
            // gets no per-tree callback. Trees with the same sections share one configuration: each is read once.
            var problems = Problems(start.Options.AnalyzerConfigOptionsProvider, start.Compilation);
            if (problems.Count == 0)
            {
                return;
            }

            var reported = 0;
            start.RegisterSyntaxTreeAction(treeContext =>
            {
                if (Interlocked.Exchange(ref reported, 1) == 0)
                {
                    foreach (var (key, value, problem) in problems)
                    {
                        treeContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidOption, Location.None, key, value, problem));
                    }
                }
            });
        });
    }

    /// <summary>
    /// The invalid entries of the global options, then of each distinct configuration of the compilation's trees, in
    /// tree order; each key/value once.
    /// </summary>
    private static List<(string Key, string Value, string Problem)> Problems(AnalyzerConfigOptionsProvider provider, Compilation compilation)
    {
        var result = new List<(string Key, string Value, string Problem)>();
        var reported = new HashSet<(string Key, string Value)>();
        Add(Problems(provider.GlobalOptions));
        var identity = new ConfigurationIdentity();
        var seen = new HashSet<object>(ConfigurationIdentity.Comparer);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var options = provider.GetOptions(tree);
            if (seen.Add(identity.Of(options)))
            {
                Add(Problems(options));
            }
        }

        return result;

        void Add(IReadOnlyList<(string Key, string Value, string Problem)> problems)
        {
            foreach (var problem in problems)
            {
                if (reported.Add((problem.Key, problem.Value)))
                {
                    result.Add(problem);
                }
            }
        }
    }

    /// <summary>The invalid <c>mariachi.*</c> entries of one set of options, ordered by key.</summary>
    internal static IReadOnlyList<(string Key, string Value, string Problem)> Problems(AnalyzerConfigOptions options)
    {
        List<(string, string, string)>? result = null;
        foreach (var key in MariachiKeys(options))
        {
            if (!options.TryGetValue(key, out var value))
            {
                continue;
            }

            var problem = MariachiOptions.Validate(key.ToLowerInvariant(), value);
            if (problem is not null)
            {
                (result ??= new List<(string, string, string)>()).Add((key, value, problem));
            }
        }

        return (IReadOnlyList<(string Key, string Value, string Problem)>?)result ?? Array.Empty<(string, string, string)>();
    }

    /// <summary>
    /// The keys starting with <c>mariachi.</c>, in order. Hosts whose options cannot enumerate their keys (the property
    /// is virtual and may throw) fall back to the known keys, so at least bad values are reported.
    /// </summary>
    private static IEnumerable<string> MariachiKeys(AnalyzerConfigOptions options)
    {
        List<string>? keys = null;
        try
        {
            foreach (var key in options.Keys)
            {
                if (key is not null && key.StartsWith(MariachiOptions.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    (keys ??= new List<string>()).Add(key);
                }
            }
        }
        catch (NotImplementedException)
        {
            keys = MariachiOptions.KnownKeys.Keys.ToList();
        }
        catch (NotSupportedException)
        {
            keys = MariachiOptions.KnownKeys.Keys.ToList();
        }

        if (keys is null)
        {
            return Array.Empty<string>();
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
