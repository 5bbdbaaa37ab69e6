using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>An additional file that exists only in memory (the bench's BannedSymbols.txt).</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>An additional file of a real project, read from disk once, on first use, as csc reads it.</summary>
internal sealed class FileAdditionalText(string path) : AdditionalText
{
    private readonly Lazy<SourceText?> _text = new(() =>
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
        }
        catch (IOException)
        {
            return null;
        }
    });

    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text.Value;
}

/// <summary>Analyzer options read from a dictionary of .editorconfig/.globalconfig keys (keys compare as the compiler compares them).</summary>
internal sealed class DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static DictionaryConfigOptions Empty { get; } = new(new Dictionary<string, string>());

    public override IEnumerable<string> Keys => values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

/// <summary>One set of options for the whole project, as a .globalconfig gives; every tree shares the same instance.</summary>
internal sealed class OneOptionsProvider(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
}
