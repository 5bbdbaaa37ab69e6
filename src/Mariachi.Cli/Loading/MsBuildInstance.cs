using Microsoft.Build.Locator;

namespace Mariachi.Cli.Loading;

/// <summary>
/// Finds the .NET SDK whose MSBuild evaluates the projects (the one a `dotnet build` in that folder would use).
/// MSBuildWorkspace evaluates in its out-of-process BuildHost; registering here makes a missing SDK a clear
/// load error instead of a failure deep inside the first project.
/// </summary>
internal static class MsBuildInstance
{
    private static readonly Lock Gate = new();
    private static string? _registered;

    /// <returns>The SDK folder in use, or null with <paramref name="error"/> when there is none.</returns>
    public static string? Ensure(string workingDirectory, out string? error)
    {
        lock (Gate)
        {
            error = null;
            if (_registered is not null || MSBuildLocator.IsRegistered)
            {
                return _registered;
            }

            var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).OrderByDescending(i => i.Version).FirstOrDefault();
            if (instance is null)
            {
                error = "no .NET SDK found (install one, or set DOTNET_ROOT); mariachi loads projects with the SDK's MSBuild";
                return null;
            }

            MSBuildLocator.RegisterInstance(instance);
            return _registered = instance.MSBuildPath;
        }
    }
}
