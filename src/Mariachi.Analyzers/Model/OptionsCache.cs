using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>The options of each syntax tree of one compilation, read once per distinct configuration.</summary>
internal sealed class OptionsCache
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, MariachiOptions> _byTree = new ConcurrentDictionary<SyntaxTree, MariachiOptions>();

    /// <summary>
    /// Trees with the same effective configuration share one <see cref="AnalyzerConfigOptions"/> instance: they get
    /// one <see cref="MariachiOptions"/> instance too, so caches keyed by the options (MAR0001's service cache) are
    /// shared by those trees instead of being rebuilt for each tree.
    /// </summary>
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, MariachiOptions> _byOptions = new ConcurrentDictionary<AnalyzerConfigOptions, MariachiOptions>();

    /// <summary>Created once: a lambda written in <see cref="For"/> would capture <c>this</c> and allocate on every call.</summary>
    private readonly Func<SyntaxTree, MariachiOptions> _read;

    public OptionsCache(AnalyzerOptions options)
    {
        _provider = options.AnalyzerConfigOptionsProvider;
        Global = MariachiOptions.Read(_provider.GlobalOptions);
        _read = tree => _byOptions.GetOrAdd(_provider.GetOptions(tree), MariachiOptions.Read);
    }

    /// <summary>The options from .globalconfig (and global keys of .editorconfig): for compilation-wide decisions.</summary>
    public MariachiOptions Global { get; }

    public MariachiOptions For(SyntaxTree? tree) =>
        tree is null ? Global : _byTree.GetOrAdd(tree, _read);
}
