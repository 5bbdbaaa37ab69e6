namespace Mariachi.Cli.Analysis;

/// <summary>Where loading and analysis report how far they are (Output/ProgressDisplay draws it).</summary>
internal interface IProgressDisplay
{
    /// <param name="operation">MSBuildWorkspace's step: Resolve, Evaluate or Build.</param>
    void Loading(string projectPath, string operation, string? targetFramework);

    /// <param name="finished">False when the project starts, true when it is done (<paramref name="done"/> counts it).</param>
    void Analyzing(string project, int done, int total, bool finished);

    /// <summary>Clears a live display before the results are written.</summary>
    void Done();
}
