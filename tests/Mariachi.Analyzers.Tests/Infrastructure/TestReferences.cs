using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references of the compilations under test, taken from the SDK's own reference packs (no download): .NET,
/// optionally ASP.NET Core, and Mariachi.Abstractions.
/// </summary>
internal static class TestReferences
{
    private static readonly string PacksRoot = Path.GetFullPath(Path.Combine(
        Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs"));

    public static ImmutableArray<MetadataReference> NetCore { get; } = Pack("Microsoft.NETCore.App.Ref");

    public static ImmutableArray<MetadataReference> AspNetCore { get; } = Pack("Microsoft.AspNetCore.App.Ref");

    /// <summary>Mariachi.Abstractions and the Microsoft.Extensions abstractions its public API exposes.</summary>
    public static ImmutableArray<MetadataReference> Mariachi { get; } = Directory
        .GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll")
        .Append(typeof(Context).Assembly.Location)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    /// <summary>The in-memory adapter assembly (MAR0010's adapters); added by the tests that need it.</summary>
    public static MetadataReference InMemoryAdapters { get; } =
        MetadataReference.CreateFromFile(typeof(Mariachi.Adapters.InMemory.Data.InMemoryRepository<>).Assembly.Location);

    /// <summary>No package download: the references are added explicitly.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>Configures a test: .NET always, Mariachi and ASP.NET Core as asked.</summary>
    public static void Configure(SolutionState state, bool mariachi, bool aspNetCore)
    {
        state.AdditionalReferences.AddRange(NetCore);
        if (aspNetCore)
        {
            state.AdditionalReferences.AddRange(AspNetCore);
        }

        if (mariachi)
        {
            state.AdditionalReferences.AddRange(Mariachi);
        }
    }

    private static ImmutableArray<MetadataReference> Pack(string name)
    {
        var versions = Directory.GetDirectories(Path.Combine(PacksRoot, name))
            .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version(0, 0))
            .ToArray();
        var refDirectory = Directory.GetDirectories(Path.Combine(versions[0], "ref")).Single();
        return Directory.GetFiles(refDirectory, "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
