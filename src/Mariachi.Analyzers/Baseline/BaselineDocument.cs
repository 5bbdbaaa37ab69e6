using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// The content of <c>mariachi-baseline.json</c>: a version and the accepted findings with their counts. Written one
/// entry per line, sorted by file, so that a change to the baseline reads as a small diff:
/// <code>
/// {
///   "version": 1,
///   "entries": [
///     { "rule": "MAR0001", "file": "Controllers/OrdersController.cs", "symbol": "Shop.OrdersController..ctor", "source": "…", "count": 1 }
///   ]
/// }
/// </code>
/// Read strictly: an unknown property, a missing one, a repeated key or a count below 1 is an error, never ignored.
/// </summary>
internal sealed class BaselineDocument
{
    public const string FileName = "mariachi-baseline.json";
    public const int CurrentVersion = 1;

    private static readonly string[] TopProperties = { "version", "entries" };
    private static readonly string[] EntryProperties = { "rule", "file", "symbol", "source", "count" };

    public BaselineDocument(IEnumerable<BaselineEntry> entries) =>
        Entries = entries.OrderBy(e => e.Key).ToImmutableArray();

    /// <summary>The entries, in the file's order.</summary>
    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>A baseline accepting each key as many times as it occurs in <paramref name="keys"/>.</summary>
    public static BaselineDocument FromFindings(IEnumerable<BaselineKey> keys) =>
        new BaselineDocument(keys.GroupBy(k => k).Select(g => new BaselineEntry(g.Key, g.Count())));

    /// <summary>Reads a baseline; on failure <see cref="BaselineRead.Error"/> says what and where.</summary>
    public static BaselineRead Read(string text)
    {
        try
        {
            return new BaselineRead(FromJson(JsonReader.Parse(text)), null);
        }
        catch (BaselineFormatException e)
        {
            return new BaselineRead(null, new BaselineError(e.Message, e.Offset));
        }
    }

    public string Write()
    {
        var builder = new StringBuilder();
        builder.Append("{\n  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n  \"entries\": [");
        for (var i = 0; i < Entries.Length; i++)
        {
            var entry = Entries[i];
            builder.Append(i == 0 ? "\n" : ",\n").Append("    { ");
            Property(builder, "rule", entry.Key.Rule).Append(", ");
            Property(builder, "file", entry.Key.File).Append(", ");
            Property(builder, "symbol", entry.Key.Symbol).Append(", ");
            Property(builder, "source", entry.Key.Source).Append(", \"count\": ");
            builder.Append(entry.Count.ToString(CultureInfo.InvariantCulture)).Append(" }");
        }

        builder.Append(Entries.IsEmpty ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    private static StringBuilder Property(StringBuilder builder, string name, string value)
    {
        builder.Append('"').Append(name).Append("\": ");
        JsonWriter.String(builder, value);
        return builder;
    }

    private static BaselineDocument FromJson(JsonValue root)
    {
        var top = Object(root, "the baseline", TopProperties);
        var version = top["version"];
        if (Integer(version, "'version'") != CurrentVersion)
        {
            throw new BaselineFormatException(
                $"version {version.Number} is not supported (this Mariachi reads version {CurrentVersion})", version.Offset);
        }

        var entries = top["entries"];
        if (entries.Items is null)
        {
            throw new BaselineFormatException("'entries' must be an array", entries.Offset);
        }

        var result = new List<BaselineEntry>();
        var seen = new Dictionary<BaselineKey, int>();
        for (var i = 0; i < entries.Items.Count; i++)
        {
            var item = entries.Items[i];
            var name = "entry " + (i + 1).ToString(CultureInfo.InvariantCulture);
            var properties = Object(item, name, EntryProperties);
            var rule = Text(properties["rule"], name + ": 'rule'");
            if (!IsRuleId(rule))
            {
                throw new BaselineFormatException($"{name}: 'rule' must be a Mariachi rule id such as MAR0001, not '{rule}'", properties["rule"].Offset);
            }

            var file = Text(properties["file"], name + ": 'file'");
            if (file.Length == 0 || file.IndexOf('\\') >= 0)
            {
                throw new BaselineFormatException($"{name}: 'file' must be a path relative to the baseline's folder, with forward slashes", properties["file"].Offset);
            }

            var key = new BaselineKey(rule, file, Text(properties["symbol"], name + ": 'symbol'"), Text(properties["source"], name + ": 'source'"));
            var count = Integer(properties["count"], name + ": 'count'");
            if (count < 1 || count > int.MaxValue)
            {
                throw new BaselineFormatException($"{name}: 'count' must be at least 1 (and fit an int)", properties["count"].Offset);
            }

            if (seen.TryGetValue(key, out var earlier))
            {
                throw new BaselineFormatException(
                    $"{name} repeats the finding of entry {earlier.ToString(CultureInfo.InvariantCulture)}; keep one and add up their counts", item.Offset);
            }

            seen.Add(key, i + 1);
            result.Add(new BaselineEntry(key, (int)count));
        }

        return new BaselineDocument(result);
    }

    private static Dictionary<string, JsonValue> Object(JsonValue value, string what, string[] expected)
    {
        if (value.Properties is null)
        {
            throw new BaselineFormatException($"{what} must be an object", value.Offset);
        }

        var result = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        foreach (var (name, nameOffset, propertyValue) in value.Properties)
        {
            if (Array.IndexOf(expected, name) < 0)
            {
                throw new BaselineFormatException($"{what} has an unknown property '{name}' (expected {string.Join(", ", expected)})", nameOffset);
            }

            if (result.ContainsKey(name))
            {
                throw new BaselineFormatException($"{what} has the property '{name}' twice", nameOffset);
            }

            result.Add(name, propertyValue);
        }

        foreach (var name in expected)
        {
            if (!result.ContainsKey(name))
            {
                throw new BaselineFormatException($"{what} has no '{name}'", value.Offset);
            }
        }

        return result;
    }

    private static string Text(JsonValue value, string what) =>
        value.String ?? throw new BaselineFormatException(what + " must be a string", value.Offset);

    private static long Integer(JsonValue value, string what) =>
        value.Number ?? throw new BaselineFormatException(what + " must be a whole number", value.Offset);

    private static bool IsRuleId(string rule) =>
        rule.Length == 7 && rule.StartsWith("MAR", StringComparison.Ordinal) && rule.Skip(3).All(c => c >= '0' && c <= '9');
}
