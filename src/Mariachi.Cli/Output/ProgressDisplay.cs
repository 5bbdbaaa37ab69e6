using Mariachi.Cli.Analysis;

namespace Mariachi.Cli.Output;

/// <summary>
/// Progress while projects load and are analyzed: one line redrawn in place when the output is a terminal, plain
/// lines on standard error when it is redirected (so a file or pipe gets only the results).
/// </summary>
internal sealed class ProgressDisplay(TextWriter live, TextWriter plain, bool isTerminal, string baseDirectory) : IProgressDisplay
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private int _width;

    /// <summary>No progress at all (`--quiet`, tests of the writers).</summary>
    public static IProgressDisplay None { get; } = new Silent();

    public void Loading(string projectPath, string operation, string? targetFramework)
    {
        var name = Path.GetRelativePath(baseDirectory, projectPath);
        lock (_gate)
        {
            if (isTerminal)
            {
                Draw($"Loading {name} ({operation.ToLowerInvariant()}{(targetFramework is null ? "" : ", " + targetFramework)})");
            }
            else if (operation == "Restore")
            {
                plain.WriteLine($"restoring {name}");
            }
            else if (operation == "Build" && _loaded.Add(projectPath + targetFramework))
            {
                plain.WriteLine($"loaded {name}{(targetFramework is null ? "" : " (" + targetFramework + ")")}");
            }
        }
    }

    public void Analyzing(string project, int done, int total, bool finished)
    {
        lock (_gate)
        {
            if (isTerminal)
            {
                Draw($"Analyzing [{done}/{total}] {project}");
            }
            else if (finished)
            {
                plain.WriteLine($"analyzed [{done}/{total}] {project}");
            }
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            if (isTerminal && _width > 0)
            {
                live.Write("\r" + new string(' ', _width) + "\r");
                live.Flush();
                _width = 0;
            }
        }
    }

    private void Draw(string text)
    {
        var max = Math.Max(20, (Console.IsOutputRedirected ? 100 : Console.WindowWidth) - 1);
        text = text.Length > max ? text[..(max - 1)] + "…" : text;
        live.Write("\r" + text.PadRight(_width));
        live.Flush();
        _width = text.Length;
    }

    private sealed class Silent : IProgressDisplay
    {
        public void Loading(string projectPath, string operation, string? targetFramework)
        {
        }

        public void Analyzing(string project, int done, int total, bool finished)
        {
        }

        public void Done()
        {
        }
    }
}
