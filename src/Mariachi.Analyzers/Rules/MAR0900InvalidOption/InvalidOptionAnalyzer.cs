using System;
using System.Collections.Concurrent;
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
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            var global = Problems(provider.GlobalOptions);
            var reported = new ConcurrentDictionary<(string Key, string Value), bool>();
            var globalDone = 0;

            // Trees with the same sections share one configuration (not one options object): check each once.
            var identity = new ConfigurationIdentity();
            var seen = new ConcurrentDictionary<object, bool>(ConfigurationIdentity.Comparer);

            start.RegisterSyntaxTreeAction(treeContext =>
            {
                if (Interlocked.Exchange(ref globalDone, 1) == 0)
                {
                    Report(treeContext, global, reported);
                }

                var options = provider.GetOptions(treeContext.Tree);
                if (seen.TryAdd(identity.Of(options), true))
                {
                    Report(treeContext, Problems(options), reported);
                }
            });
        });
    }

    private static void Report(
        SyntaxTreeAnalysisContext context,
        IReadOnlyList<(string Key, string Value, string Problem)> problems,
        ConcurrentDictionary<(string Key, string Value), bool> reported)
    {
        foreach (var (key, value, problem) in problems)
        {
            if (reported.TryAdd((key, value), true))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidOption, Location.None, key, value, problem));
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
    /// The keys starting with <c>mariachi.</c>. Hosts whose options cannot enumerate their keys (the property is
    /// virtual and may throw) fall back to the known keys, so at least bad values are reported.
    /// </summary>
    private static IEnumerable<string> MariachiKeys(AnalyzerConfigOptions options)
    {
        List<string> keys;
        try
        {
            keys = options.Keys.Where(k => k is not null && k.StartsWith(MariachiOptions.Prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        catch (NotImplementedException)
        {
            keys = MariachiOptions.KnownKeys.Keys.ToList();
        }
        catch (NotSupportedException)
        {
            keys = MariachiOptions.KnownKeys.Keys.ToList();
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
