using System.Text.Json;
using System.Text.Json.Nodes;
using Mariachi.Analyzers;
using Mariachi.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Output;

/// <summary>
/// `--format sarif`: SARIF 2.1.0 in the shape the C# compiler's <c>ErrorLog</c> (<c>-p:ErrorLog=x.sarif,version=2.1</c>)
/// writes: one run, results with ruleId/ruleIndex/level/message/locations (absolute file URIs, 1-based regions,
/// UTF-16 columns), the rules' descriptors under tool.driver.rules. Code-scanning tools read it as they read a build's.
/// </summary>
internal static class SarifReport
{
    public const string Schema = "http://json.schemastore.org/sarif-2.1.0";

    public static async Task WriteAsync(CheckResult result, TextWriter writer)
    {
        await writer.WriteLineAsync(Create(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static JsonObject Create(CheckResult result)
    {
        var ruleIds = result.Findings.Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray([.. ruleIds.Select(id => Rule(id, result.Findings.First(f => f.Id == id)))]);
        var results = new JsonArray([.. result.Findings.Select(f => Result(f, ruleIds.IndexOf(f.Id)))]);
        return new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["results"] = results,
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "mariachi",
                        ["version"] = ToolVersion.Current,
                        ["semanticVersion"] = ToolVersion.Current,
                        ["language"] = "en-US",
                        ["informationUri"] = "https://github.com/mariachi-dotnet/mariachi",
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
    }

    private static JsonObject Result(Finding finding, int ruleIndex)
    {
        var entry = new JsonObject
        {
            ["ruleId"] = finding.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.Message },
        };
        if (finding.FilePath.Length > 0)
        {
            entry["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(finding.FilePath).AbsoluteUri },
                    ["region"] = new JsonObject
                    {
                        ["startLine"] = finding.Line,
                        ["startColumn"] = finding.Column,
                        ["endLine"] = finding.EndLine,
                        ["endColumn"] = finding.EndColumn,
                    },
                },
            });
        }

        entry["properties"] = new JsonObject { ["warningLevel"] = 1, ["project"] = finding.Project };
        if (finding.TargetFrameworks is { } frameworks)
        {
            entry["properties"]!["targetFrameworks"] = new JsonArray([.. frameworks.Split(", ").Select(f => JsonValue.Create(f))]);
        }

        return entry;
    }

    private static JsonObject Rule(string id, Finding example)
    {
        var descriptor = DiagnosticDescriptors.All.FirstOrDefault(d => d.Id == id);
        var rule = new JsonObject
        {
            ["id"] = id,
            ["shortDescription"] = new JsonObject { ["text"] = descriptor?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? example.Title },
        };
        if (descriptor?.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } description)
        {
            rule["fullDescription"] = new JsonObject { ["text"] = description };
        }

        if (example.HelpLink is not null)
        {
            rule["helpUri"] = example.HelpLink;
        }

        rule["properties"] = new JsonObject
        {
            ["category"] = descriptor?.Category ?? "Mariachi",
            ["tags"] = new JsonArray([.. (descriptor?.CustomTags ?? []).Select(t => (JsonNode)t)]),
        };
        return rule;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
