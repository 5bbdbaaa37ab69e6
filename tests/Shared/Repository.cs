namespace Mariachi.Tests.Shared;

/// <summary>The repository a test assembly was built from, and the configuration it was built in.</summary>
internal static class Repository
{
    /// <summary>The folder holding Mariachi.sln above this test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly, and so of the projects it packs.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mariachi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mariachi.sln not found above " + AppContext.BaseDirectory);
    }
}
