using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Cli.Tests.InProcess;

/// <summary>In-memory solutions (AdhocWorkspace) of C# projects referencing .NET and Mariachi.Abstractions, for the tool's parts in process.</summary>
internal static class AdhocSolutions
{
    private static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            || name is "netstandard.dll" or "mscorlib.dll" or "Mariachi.Abstractions.dll"))
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    /// <summary>A solution of projects (name, files as path -> text, names of referenced projects), all under /repo.</summary>
    public static (Solution Solution, IReadOnlyList<ProjectId> Projects) Create(params (string Name, (string Path, string Text)[] Files, string[] References)[] projects)
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var ids = projects.ToDictionary(p => p.Name, p => ProjectId.CreateNewId(p.Name));
        foreach (var (name, files, references) in projects)
        {
            var id = ids[name];
            solution = solution.AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                filePath: $"/repo/{name}/{name}.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: References,
                projectReferences: references.Select(r => new ProjectReference(ids[r]))));
            // What ImplicitUsings gives an SDK project, where the SDK writes it.
            var usings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";
            solution = solution.AddDocument(DocumentId.CreateNewId(id), "GlobalUsings.g.cs", SourceText.From(usings), filePath: $"/repo/{name}/obj/GlobalUsings.g.cs");
            foreach (var (path, text) in files)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id), Path.GetFileName(path), SourceText.From(text), filePath: $"/repo/{name}/{path}");
            }
        }

        return (solution, projects.Select(p => ids[p.Name]).ToList());
    }
}
