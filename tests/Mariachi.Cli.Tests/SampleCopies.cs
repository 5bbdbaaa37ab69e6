using System.Text.RegularExpressions;

namespace Mariachi.Cli.Tests;

/// <summary>
/// Solutions the tool runs on, outside the repository so that its restore and design-time builds never race the
/// other test projects' builds of the same folders: copies of samples, and solutions a test writes. Project
/// references into the repository's src/ are rewritten to absolute paths.
/// </summary>
internal static partial class SampleCopies
{
    private static readonly ScratchFolder Scratch = CreateScratch();

    /// <summary>A fresh copy of <c>samples/<paramref name="sample"/></c> (without bin/ and obj/).</summary>
    public static string Copy(string sample)
    {
        var source = Path.Combine(Repository.Root, "samples", sample);
        var target = Path.Combine(Scratch.Root, sample + "-" + Guid.NewGuid().ToString("N")[..6]);
        ScratchFolder.CopySources(source, target, (file, text) => file.EndsWith(".csproj", StringComparison.Ordinal) ? Absolute(text) : text);
        return target;
    }

    /// <summary>A new empty folder for a solution written by a test.</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Scratch.Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The absolute path of a project under the repository's src/, for a ProjectReference.</summary>
    public static string Src(string project) => Path.Combine(Repository.Root, "src", project, project + ".csproj");

    private static string Absolute(string csproj) =>
        RelativeSrc().Replace(csproj, m => "\"" + Path.Combine(Repository.Root, "src").Replace('\\', '/') + "/" + m.Groups["rest"].Value.Replace('\\', '/') + "\"");

    private static ScratchFolder CreateScratch()
    {
        var scratch = new ScratchFolder("mariachi-cli-");
        Directory.CreateDirectory(scratch.Root);
        // The copies restore from the machine's package folder only, as the repository's own restore did.
        File.WriteAllText(Path.Combine(scratch.Root, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        // The repository's shared settings (nullable, implicit usings, central package versions), as in samples/.
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(scratch.Root, props), $"""<Project><Import Project="{Path.Combine(Repository.Root, props)}" /></Project>""");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => scratch.Delete();
        return scratch;
    }

    [GeneratedRegex(@"""(?:\.\.[/\\])+src[/\\](?<rest>[^""]+)""")]
    private static partial Regex RelativeSrc();
}
