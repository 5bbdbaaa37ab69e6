using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Loading;

/// <summary>
/// A loaded solution: the C# projects to check (one per project file: the first target framework of a
/// multi-targeting project, so a name it registers is not seen twice) and what failed to load.
/// </summary>
/// <param name="Failures">Projects (or the solution) that did not load: they are not checked.</param>
/// <param name="Warnings">What MSBuild reported about projects that did load (NuGet notices in their assets file, a
/// package not found): they are checked, perhaps with references missing.</param>
internal sealed record LoadedSolution(SolutionPath Path, Solution Solution, IReadOnlyList<ProjectId> Projects, IReadOnlyList<LoadFailure> Failures, IReadOnlyList<LoadFailure> Warnings);
