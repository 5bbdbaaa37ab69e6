using Mariachi.Cli.Commands;

namespace Mariachi.Cli.Loading;

/// <summary>
/// What a PATH argument names: a solution (.sln, .slnx, .slnf), one project (.csproj), or the projects of a folder
/// (its one solution, else its one project, else every .csproj below it).
/// </summary>
internal sealed record SolutionPath(string Display, string? SolutionFile, IReadOnlyList<string> ProjectFiles)
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx", ".slnf"];

    /// <summary>Resolves <paramref name="path"/> (null: the current folder) or throws a <see cref="UsageException"/>.</summary>
    public static SolutionPath Resolve(string? path, string currentDirectory)
    {
        var full = Path.GetFullPath(path ?? ".", currentDirectory);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (SolutionExtensions.Contains(extension))
            {
                return new SolutionPath(full, full, []);
            }

            if (extension == ".csproj")
            {
                return new SolutionPath(full, null, [full]);
            }

            throw new UsageException($"'{path}' is not a .sln, .slnx, .slnf or .csproj file");
        }

        if (!Directory.Exists(full))
        {
            throw new UsageException($"'{path ?? full}' does not exist");
        }

        var solutions = SolutionExtensions.SelectMany(e => Directory.EnumerateFiles(full, "*" + e)).Order(StringComparer.Ordinal).ToList();
        if (solutions.Count > 1)
        {
            throw new UsageException($"'{full}' holds more than one solution ({string.Join(", ", solutions.Select(Path.GetFileName))}); name one");
        }

        if (solutions.Count == 1)
        {
            return new SolutionPath(solutions[0], solutions[0], []);
        }

        var here = Directory.EnumerateFiles(full, "*.csproj").ToList();
        var projects = here.Count == 1 ? here : ProjectsBelow(full);
        return projects.Count == 0
            ? throw new UsageException($"'{full}' holds no .sln, .slnx, .slnf or .csproj")
            : new SolutionPath(full, null, projects);
    }

    /// <summary>The folder output paths are made relative to: the solution's or project's folder, or the folder itself.</summary>
    public string BaseDirectory() => File.Exists(Display) ? Path.GetDirectoryName(Display)! : Display;

    private static List<string> ProjectsBelow(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(folder, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
}
