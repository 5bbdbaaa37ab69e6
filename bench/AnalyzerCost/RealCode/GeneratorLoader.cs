using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>
/// The source generators of a project's <c>/analyzer:</c> assemblies, loaded as csc loads them: one load context per
/// folder (so two packages may ship different versions of the same dependency, and a net8.0 project's generator
/// package sits beside the net10.0 reference pack's), with the compiler's own assemblies and the runtime's shared
/// from the host. Each assembly is loaded once for the whole run; load failures are kept for the report.
/// </summary>
internal sealed class GeneratorLoader : IAnalyzerAssemblyLoader
{
    private static readonly HashSet<string> PlatformAssemblies = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, FolderLoadContext> _contexts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (AnalyzerFileReference Reference, IReadOnlyList<ISourceGenerator> Generators)> _references = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Assemblies or types that could not be loaded, with the reason.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Every generator assembly loaded so far, with how many generators it has.</summary>
    public IEnumerable<(string Path, int Generators)> Loaded =>
        _references.Where(r => r.Value.Generators.Count > 0).Select(r => (r.Key, r.Value.Generators.Count)).OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>The C# generators of the assembly at <paramref name="path"/> (none for an analyzer-only assembly).</summary>
    public IReadOnlyList<ISourceGenerator> GeneratorsOf(string path) =>
        _references.GetOrAdd(path, p =>
        {
            var reference = new AnalyzerFileReference(p, this);
            reference.AnalyzerLoadFailed += (_, e) => _failures.Enqueue($"{Path.GetFileName(p)}{(e.TypeName is null ? string.Empty : " " + e.TypeName)}: {e.ErrorCode} {e.Message}");
            return (reference, reference.GetGenerators(LanguageNames.CSharp));
        }).Generators;

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) =>
        _contexts.GetOrAdd(Path.GetDirectoryName(fullPath)!, folder => new FolderLoadContext(folder)).LoadFromAssemblyPath(fullPath);

    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext("generators " + folder)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;

            // The compiler and the runtime are the host's, as in csc: a generator built against an older Roslyn runs on
            // this one. Other dependencies (Razor's compiler, say) come from the generator's folder.
            if (PlatformAssemblies.Contains(name) || Default.Assemblies.Any(a => a.GetName().Name == name))
            {
                return null;
            }

            var candidate = Path.Combine(folder, name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
