using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Loading;

/// <summary>
/// A loaded solution: the C# projects to check (one per project file: the first target framework of a
/// multi-targeting project, so a name it registers is not seen twice), every target framework's project of those
/// files, and what failed to load.
/// </summary>
/// <param name="Projects">One per checked project file: what `fix`, `procedures` and the solution-wide checks use.</param>
/// <param name="AllFrameworks">Every target framework's project of the checked files (<see cref="Projects"/> and the
/// other frameworks of a multi-targeting project): each rule runs on each, as a build compiles each.</param>
/// <param name="Failures">Projects (or the solution) that did not load: they are not checked.</param>
/// <param name="Warnings">What MSBuild reported about projects that did load (NuGet notices in their assets file, a
/// package not found): they are checked, perhaps with references missing.</param>
internal sealed record LoadedSolution(SolutionPath Path, Solution Solution, IReadOnlyList<ProjectId> Projects, IReadOnlyList<ProjectId> AllFrameworks, IReadOnlyList<LoadFailure> Failures, IReadOnlyList<LoadFailure> Warnings);
