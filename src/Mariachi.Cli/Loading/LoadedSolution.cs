using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Loading;

/// <summary>
/// A loaded solution: the C# projects to check (one per project file: the first target framework of a
/// multi-targeting project, so a name it registers is not seen twice) and what failed to load.
/// </summary>
internal sealed record LoadedSolution(SolutionPath Path, Solution Solution, IReadOnlyList<ProjectId> Projects, IReadOnlyList<LoadFailure> Failures);
