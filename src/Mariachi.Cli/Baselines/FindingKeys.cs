using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Cli.Baselines;

/// <summary>
/// The baseline key of each finding, computed by the analyzers' own <see cref="BaselineKeys"/> on the finding's file
/// as it is on disk (parsed once per file), so the tool and the build's suppressor key a finding the same way.
/// </summary>
internal sealed class FindingKeys(string baselineDirectory)
{
    private readonly Dictionary<string, SyntaxTree?> _trees = new(StringComparer.Ordinal);

    /// <summary>The key, or null for a finding a baseline cannot hold (no source location, a MAR09xx configuration finding).</summary>
    public BaselineKey? For(Finding finding)
    {
        if (finding.FilePath.Length == 0 || finding.Line < 1 || !BaselineMatching.IsBaselinable(finding.Id) || Tree(finding.FilePath) is not { } tree)
        {
            return null;
        }

        var lines = tree.GetText().Lines;
        if (finding.Line > lines.Count)
        {
            return null;
        }

        var line = lines[finding.Line - 1];
        var position = Math.Min(line.Start + Math.Max(finding.Column - 1, 0), line.End);
        var descriptor = new DiagnosticDescriptor(finding.Id, finding.Title, finding.Message, "Mariachi", finding.Severity, isEnabledByDefault: true);
        return BaselineKeys.For(Diagnostic.Create(descriptor, Location.Create(tree, new TextSpan(position, 0))), baselineDirectory, CancellationToken.None);
    }

    private SyntaxTree? Tree(string path)
    {
        if (!_trees.TryGetValue(path, out var tree))
        {
            tree = File.Exists(path) ? CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), path: path) : null;
            _trees[path] = tree;
        }

        return tree;
    }
}
