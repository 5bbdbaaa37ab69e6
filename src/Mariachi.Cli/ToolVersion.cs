using System.Reflection;

namespace Mariachi.Cli;

/// <summary>The tool's version (the package version, without the commit suffix).</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
