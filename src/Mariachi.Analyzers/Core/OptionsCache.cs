using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core
{
    /// <summary>The options of each syntax tree of one compilation, read once per tree.</summary>
    internal sealed class OptionsCache
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<SyntaxTree, MariachiOptions> _byTree = new ConcurrentDictionary<SyntaxTree, MariachiOptions>();

        public OptionsCache(AnalyzerOptions options)
        {
            _provider = options.AnalyzerConfigOptionsProvider;
            Global = MariachiOptions.Read(_provider.GlobalOptions);
        }

        /// <summary>The options from .globalconfig (and global keys of .editorconfig): for compilation-wide decisions.</summary>
        public MariachiOptions Global { get; }

        public MariachiOptions For(SyntaxTree? tree) =>
            tree is null ? Global : _byTree.GetOrAdd(tree, t => MariachiOptions.Read(_provider.GetOptions(t)));
    }
}
