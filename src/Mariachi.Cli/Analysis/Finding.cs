using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Analysis;

/// <summary>One diagnostic the tool reports: where, what, and in which project.</summary>
/// <param name="FilePath">Absolute path; empty for a finding without a source location.</param>
/// <param name="Line">1-based, as a build prints it; so is <paramref name="Column"/>.</param>
/// <param name="Project">The project file's name, without extension.</param>
/// <param name="ProjectFile">The project file's absolute path (empty for a project without one): it decides the baseline.</param>
/// <param name="TargetFrameworks">
/// For a multi-targeting project, the target frameworks whose compilations report the finding when that is not all of
/// them ("net8.0" or "net8.0, net9.0"); null when every one does, or the project has one.
/// </param>
internal sealed record Finding(
    string Id,
    DiagnosticSeverity Severity,
    string Message,
    string Title,
    string? HelpLink,
    string FilePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Project,
    string ProjectFile,
    string? TargetFrameworks = null)
{
    public static Finding From(Diagnostic diagnostic, Project project)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = span.IsValid ? span.Path : "";
        return new Finding(
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri,
            path,
            span.IsValid ? span.StartLinePosition.Line + 1 : 0,
            span.IsValid ? span.StartLinePosition.Character + 1 : 0,
            span.IsValid ? span.EndLinePosition.Line + 1 : 0,
            span.IsValid ? span.EndLinePosition.Character + 1 : 0,
            ProjectName(project),
            project.FilePath ?? "");
    }

    /// <summary>The project file's name: MSBuildWorkspace names each target framework's project "Name(net8.0)".</summary>
    public static string ProjectName(Project project) =>
        project.FilePath is { } file ? Path.GetFileNameWithoutExtension(file) : project.Name;

    /// <summary>The order every output uses: file, line, column, id.</summary>
    public static IComparer<Finding> Order { get; } = Comparer<Finding>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.FilePath, b.FilePath);
        c = c != 0 ? c : a.Line.CompareTo(b.Line);
        c = c != 0 ? c : a.Column.CompareTo(b.Column);
        c = c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });
}
