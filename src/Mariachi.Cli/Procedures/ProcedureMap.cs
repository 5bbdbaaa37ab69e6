namespace Mariachi.Cli.Procedures;

/// <summary>A place in the solution: the project, the file (relative to the solution's folder, forward slashes) and the line.</summary>
internal sealed record Site(string Project, string File, int Line, string Type)
{
    public override string ToString() => $"{Project} {File}:{Line}";
}

/// <summary>One procedure of the catalog: its types, where it is registered, the services its handler reaches, who calls it.</summary>
internal sealed record ProcedureEntry(
    string Name,
    string Input,
    string Output,
    IReadOnlyList<Site> Registrations,
    IReadOnlyList<string> Services,
    IReadOnlyList<Site> Callers);

/// <summary>One event name and where it is published and subscribed.</summary>
internal sealed record EventEntry(string Name, IReadOnlyList<Site> Publishers, IReadOnlyList<Site> Subscribers);

/// <summary>The solution's procedure catalog as `mariachi procedures` prints and draws it (sorted by name).</summary>
internal sealed record ProcedureMap(IReadOnlyList<ProcedureEntry> Procedures, IReadOnlyList<EventEntry> Events);
