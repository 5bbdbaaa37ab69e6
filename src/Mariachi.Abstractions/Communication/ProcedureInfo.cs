namespace Mariachi.Communication;

/// <summary>A registered procedure: its name and the input and output types of its handler.</summary>
public sealed record ProcedureInfo(string Name, Type InputType, Type OutputType);
