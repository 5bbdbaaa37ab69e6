using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The options of each syntax tree of one compilation, read once per distinct configuration and shared by every
/// rule: a rule gets it with <see cref="Of"/> at compilation start and asks <see cref="For"/> per tree.
/// </summary>
internal sealed class OptionsCache
{
    /// <summary>One cache per compilation, shared by the rules that analyze it (and freed with it).</summary>
    private static readonly ConditionalWeakTable<Compilation, OptionsCache> Shared = new ConditionalWeakTable<Compilation, OptionsCache>();

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, MariachiOptions> _byTree = new ConcurrentDictionary<SyntaxTree, MariachiOptions>();

    /// <summary>
    /// Trees with the same effective configuration get one <see cref="MariachiOptions"/> instance, so caches keyed
    /// by the options (MAR0001's service cache, the name pre-filters) are shared by those trees. csc gives each tree
    /// its own options object around a shared dictionary: <see cref="ConfigurationIdentity"/> finds that dictionary,
    /// so a configuration is read once, not once per file.
    /// </summary>
    private readonly ConcurrentDictionary<object, MariachiOptions> _byConfiguration = new ConcurrentDictionary<object, MariachiOptions>(ConfigurationIdentity.Comparer);

    private readonly ConfigurationIdentity _identity = new ConfigurationIdentity();

    /// <summary>Created once: a lambda written in <see cref="For"/> would capture <c>this</c> and allocate on every call.</summary>
    private readonly Func<SyntaxTree, MariachiOptions> _read;

    public OptionsCache(AnalyzerOptions options)
    {
        _provider = options.AnalyzerConfigOptionsProvider;
        Global = MariachiOptions.Read(_provider.GlobalOptions);
        _read = tree =>
        {
            var treeOptions = _provider.GetOptions(tree);
            var identity = _identity.Of(treeOptions);
            return _byConfiguration.TryGetValue(identity, out var known)
                ? known
                : _byConfiguration.GetOrAdd(identity, MariachiOptions.Read(treeOptions));
        };
    }

    /// <summary>The options from .globalconfig (and global keys of .editorconfig): for compilation-wide decisions.</summary>
    public MariachiOptions Global { get; }

    /// <summary>
    /// The cache of <paramref name="compilation"/> analyzed with <paramref name="options"/> (a compilation start
    /// context's), shared with the other rules.
    /// </summary>
    public static OptionsCache Of(Compilation compilation, AnalyzerOptions options)
    {
        var cache = Shared.GetValue(compilation, _ => new OptionsCache(options));

        // Another host may analyze the same compilation with other options: it gets a cache of its own.
        return ReferenceEquals(cache._provider, options.AnalyzerConfigOptionsProvider) ? cache : new OptionsCache(options);
    }

    public MariachiOptions For(SyntaxTree? tree) =>
        tree is null ? Global : _byTree.GetOrAdd(tree, _read);

    /// <summary>True when the global options or those of some file of <paramref name="compilation"/> satisfy <paramref name="predicate"/>.</summary>
    public bool Any(Func<MariachiOptions, bool> predicate, Compilation compilation)
    {
        if (predicate(Global))
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (predicate(For(tree)))
            {
                return true;
            }
        }

        return false;
    }
}
