using Mariachi.Cli.Analysis;
using Mariachi.Cli.Commands;

namespace Mariachi.Cli.Output;

/// <summary>The report formats of <see cref="CheckResult"/>: human (default), json, sarif.</summary>
internal static class FindingsWriters
{
    public static readonly string[] Formats = ["human", "json", "sarif"];

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> to <paramref name="file"/>, or to standard output.</summary>
    public static async Task WriteAsync(string format, CheckResult result, string? file, CliConsole console)
    {
        if (file is null)
        {
            await WriteAsync(format, result, console.Out, console.IsTerminal);
            return;
        }

        await using (var writer = new StreamWriter(Path.GetFullPath(file, console.CurrentDirectory)))
        {
            await WriteAsync(format, result, writer, colour: false);
        }

        await console.Error.WriteLineAsync($"wrote {file}");
    }

    public static Task WriteAsync(string format, CheckResult result, TextWriter writer, bool colour) => format switch
    {
        "json" => JsonReport.WriteAsync(result, writer),
        "sarif" => SarifReport.WriteAsync(result, writer),
        _ => HumanReport.WriteAsync(result, writer, colour),
    };
}
