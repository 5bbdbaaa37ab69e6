namespace Mariachi.Cli.Output;

/// <summary>A plain-text table with a header rule, columns padded to their widest cell.</summary>
internal static class TextTable
{
    /// <param name="rightAligned">Index of a column to right-align (counts), or -1.</param>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, int rightAligned = -1)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        await writer.WriteLineAsync(Row(header, widths, rightAligned));
        await writer.WriteLineAsync(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(Row(row, widths, rightAligned));
        }
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths, int rightAligned) =>
        string.Join("  ", cells.Select((c, i) => i == rightAligned ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
