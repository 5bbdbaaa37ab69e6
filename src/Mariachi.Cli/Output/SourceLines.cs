namespace Mariachi.Cli.Output;

/// <summary>The lines of source files, read once each, for the excerpt under a finding.</summary>
internal sealed class SourceLines
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="path"/>, or null when it cannot be read.</summary>
    public string? Line(string path, int line)
    {
        if (!_files.TryGetValue(path, out var lines))
        {
            try
            {
                lines = File.Exists(path) ? File.ReadAllLines(path) : null;
            }
            catch (IOException)
            {
                lines = null;
            }

            _files[path] = lines;
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }
}
