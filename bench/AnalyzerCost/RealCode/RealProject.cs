using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>
/// One project compiled as its real build compiled it: the sources, references, parse and compilation options and
/// .editorconfig/.globalconfig files of its captured csc command line, plus Mariachi.Abstractions (as a team adopting
/// Mariachi has it), and the output of its source generators, run once when the project is loaded so that every
/// measured compile and analyzer pass sees the complete compilation without paying for the generators.
/// </summary>
internal sealed class RealProject
{
    private readonly CSharpCommandLineArguments _arguments;
    private readonly IReadOnlyList<(string Path, SourceText Text)> _sources;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CSharpCompilationOptions _options;
    private ImmutableArray<SyntaxTree> _generated = [];

    private RealProject(CapturedCompile capture, CSharpCommandLineArguments arguments, IReadOnlyList<(string, SourceText)> sources, ImmutableArray<MetadataReference> references, ProjectConfigOptions config, ImmutableArray<AdditionalText> additionalFiles)
    {
        Capture = capture;
        _arguments = arguments;
        _sources = sources;
        _references = references;
        Config = config;
        _options = arguments.CompilationOptions
            .WithConcurrentBuild(false)
            .WithSyntaxTreeOptionsProvider(config.Trees)
            .WithStrongNameProvider(new DesktopStrongNameProvider(arguments.KeyFileSearchPaths))
            .WithAssemblyIdentityComparer(DesktopAssemblyIdentityComparer.Default)
            .WithXmlReferenceResolver(new XmlFileResolver(arguments.BaseDirectory))
            .WithSourceReferenceResolver(new SourceFileResolver(arguments.SourcePaths, arguments.BaseDirectory));
        AnalyzerOptions = new AnalyzerOptions(additionalFiles, config);
    }

    public CapturedCompile Capture { get; }

    public string Name => Path.GetFileNameWithoutExtension(Capture.ProjectPath);

    public int Files => _sources.Count;

    public int Lines => _sources.Sum(s => s.Text.Lines.Count);

    public int GeneratedFiles => _generated.Length;

    public string AssemblyName => _arguments.CompilationName ?? Name;

    public ProjectConfigOptions Config { get; }

    /// <summary>The project's additional files, the bench's BannedSymbols.txt and its config files, as the analyzers see them.</summary>
    public AnalyzerOptions AnalyzerOptions { get; }

    /// <summary>
    /// Reads the sources and references named by <paramref name="capture"/>; the generators run in <see cref="RunGenerators"/>.
    /// For a compile captured without its build's outputs (<paramref name="projectReferences"/> not null), references
    /// whose file does not exist are left out and the compilations of the referenced projects stand in for them.
    /// </summary>
    public static RealProject Load(CapturedCompile capture, IReadOnlyList<string> extraReferences, IReadOnlyList<CSharpCompilation>? projectReferences = null)
    {
        var baseDirectory = Path.GetDirectoryName(capture.ProjectPath)!;
        var sdkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var arguments = CSharpCommandLineParser.Default.Parse(capture.Arguments, baseDirectory, sdkDirectory);
        var errors = arguments.Errors.Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"The command line of {capture.ProjectPath} does not parse: {string.Join("; ", errors.Take(3))}");
        }

        var sources = arguments.SourceFiles.Select(f => (f.Path, Read(f.Path, arguments))).ToList();
        var references = arguments.MetadataReferences
            .Select(r => (Path: Path.GetFullPath(r.Reference, baseDirectory), r.Properties))
            .Where(r => projectReferences is null || File.Exists(r.Path))
            .Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Path, r.Properties))
            .ToList();
        var referencedNames = references.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        references.AddRange((projectReferences ?? []).Where(c => !referencedNames.Contains(c.AssemblyName!)).Select(c => c.ToMetadataReference()));

        // Mariachi.Abstractions and those of its dependencies the project does not reference already (by assembly name).
        var present = arguments.MetadataReferences.Select(r => Path.GetFileNameWithoutExtension(r.Reference)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        references.AddRange(extraReferences
            .Where(p => !present.Contains(Path.GetFileNameWithoutExtension(p)))
            .Select(p => MetadataReference.CreateFromFile(p)));

        var config = new ProjectConfigOptions(arguments.AnalyzerConfigPaths);
        ImmutableArray<AdditionalText> additional =
        [
            .. arguments.AdditionalFiles.Select(f => new FileAdditionalText(f.Path)),
            new InMemoryAdditionalText(Path.Combine(baseDirectory, "BannedSymbols.txt"), CompilationSetup.BannedSymbols),
        ];
        return new RealProject(capture, arguments, sources, [.. references], config, additional);
    }

    /// <summary>
    /// Runs the project's source generators once, as csc runs them before compiling, and keeps their trees; returns
    /// what the generators reported (exceptions included) for the report.
    /// </summary>
    public IReadOnlyList<string> RunGenerators(GeneratorLoader loader, CancellationToken cancellationToken)
    {
        var generators = _arguments.AnalyzerReferences
            .SelectMany(r => loader.GeneratorsOf(Path.GetFullPath(r.FilePath, _arguments.BaseDirectory!)))
            .ToList();
        if (generators.Count == 0)
        {
            return [];
        }

        var driver = CSharpGeneratorDriver.Create(
            generators,
            AnalyzerOptions.AdditionalFiles.Where(a => a is FileAdditionalText),
            _arguments.ParseOptions,
            Config,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false, _arguments.GeneratedFilesOutputDirectory ?? _arguments.OutputDirectory));
        var result = driver.RunGenerators(Compile(Parse()), cancellationToken).GetRunResult();
        _generated = [.. result.GeneratedTrees];
        return
        [
            .. result.Results.Where(r => r.Exception is not null).Select(r => $"{r.Generator.GetGeneratorType().FullName} threw {r.Exception!.GetType().Name}: {r.Exception.Message}"),
            .. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()),
        ];
    }

    /// <summary>The project's sources parsed anew, plus the generated trees.</summary>
    public ImmutableArray<SyntaxTree> Parse() =>
        [.. _sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, _arguments.ParseOptions, s.Path, cancellationToken: default)), .. _generated];

    public CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees) =>
        CSharpCompilation.Create(_arguments.CompilationName, trees, _references, _options);

    /// <summary>Emits to memory what the build writes: the assembly, its PDB, the reference assembly and the XML docs, as asked.</summary>
    public EmitResult Emit(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        using var pe = new MemoryStream();
        using var pdb = _arguments.EmitPdbFile ? new MemoryStream() : null;
        using var referenceAssembly = _arguments.OutputRefFilePath is null ? null : new MemoryStream();
        using var documentation = _arguments.DocumentationPath is null ? null : new MemoryStream();
        return compilation.Emit(
            pe,
            pdb,
            documentation,
            win32Resources: null,
            manifestResources: _arguments.ManifestResources,
            options: _arguments.EmitOptions,
            metadataPEStream: referenceAssembly,
            cancellationToken: cancellationToken);
    }

    private static SourceText Read(string path, CommandLineArguments arguments)
    {
        using var stream = File.OpenRead(path);
        return SourceText.From(stream, arguments.Encoding, arguments.ChecksumAlgorithm, throwIfBinaryDetected: false, canBeEmbedded: true);
    }
}
