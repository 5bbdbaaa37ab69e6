using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>
/// A project's .editorconfig and .globalconfig files, answered per file as csc answers them: the analyzer options a
/// tree or additional file sees (<see cref="AnalyzerConfigOptionsProvider"/>) and the severities and generated-code
/// flags the compiler applies to a tree (<see cref="Trees"/>). Results are kept per path, so every run of the bench
/// asks the config set once per file.
/// </summary>
internal sealed class ProjectConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly ConcurrentDictionary<string, (AnalyzerConfigOptionsResult Result, AnalyzerConfigOptions Options)> _byPath = new(StringComparer.Ordinal);
    private readonly AnalyzerConfigOptions _global;

    public ProjectConfigOptions(IEnumerable<string> configPaths)
    {
        var configs = configPaths.Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p)).ToList();
        _set = AnalyzerConfigSet.Create(configs, out var diagnostics);
        Diagnostics = diagnostics;
        _global = new DictionaryConfigOptions(_set.GlobalConfigOptions.AnalyzerOptions);
        Trees = new TreeOptions(this);
    }

    /// <summary>Problems the compiler would report about the config files themselves (conflicting global keys).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The per-tree severities (<c>dotnet_diagnostic.*.severity</c>) and <c>generated_code</c> flags, for the compilation options.</summary>
    public SyntaxTreeOptionsProvider Trees { get; }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath).Options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path).Options;

    private (AnalyzerConfigOptionsResult Result, AnalyzerConfigOptions Options) For(string path) =>
        _byPath.GetOrAdd(path, p =>
        {
            // Paths that are not absolute (trees made in memory) only see the global options, as in csc.
            var result = Path.IsPathRooted(p) ? _set.GetOptionsForSourcePath(p) : _set.GlobalConfigOptions;
            return (result, new DictionaryConfigOptions(result.AnalyzerOptions));
        });

    private sealed class TreeOptions(ProjectConfigOptions owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree.FilePath).Result.AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? (generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated)
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree.FilePath).Result.TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner._set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
