namespace Mariachi.Tests.Shared;

/// <summary>A temporary folder outside the repository for one fixture, and copies of what it holds for each test.</summary>
internal sealed class ScratchFolder(string prefix)
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A fresh copy of <paramref name="source"/> (a folder under <see cref="Root"/>) for one test.</summary>
    public string NewCopy(string source)
    {
        var copy = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(source, copy);
        return copy;
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>
    /// Copies a project folder's sources to <paramref name="target"/>, leaving out its bin/ and obj/; <paramref
    /// name="rewrite"/> may change a file's text on the way (given its path and text).
    /// </summary>
    public static void CopySources(string source, string target, Func<string, string, string>? rewrite = null)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (rewrite is null)
            {
                File.Copy(file, destination);
            }
            else
            {
                File.WriteAllText(destination, rewrite(file, File.ReadAllText(file)));
            }
        }
    }
}
