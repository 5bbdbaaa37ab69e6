namespace Mariachi.Analyzers;

/// <summary>The ids of every Mariachi diagnostic.</summary>
public static class DiagnosticIds
{
    public const string ControllerReferencesService = "MAR0001";
    public const string EnvironmentReadOutsideConfig = "MAR0002";
    public const string ContextNotForwarded = "MAR0003";
    public const string DuplicateProcedureName = "MAR0004";
    public const string ContextCreatedMidFlow = "MAR0005";
    public const string DataAccessInController = "MAR0006";
    public const string HttpTypeInService = "MAR0007";
    public const string ContextNotFirst = "MAR0008";
    public const string RawExceptionInService = "MAR0009";
    public const string AdapterUsedDirectly = "MAR0010";
    public const string UnknownProcedure = "MAR0012";
    public const string CallDoesNotMatchRegistration = "MAR0013";
    public const string InvalidOption = "MAR0900";
    public const string InvalidProcedureOrEventName = "MAR0011";
    public const string ServiceNotExposed = "MAR0014";
    /// <summary>Reported only by the mariachi tool (`mariachi check`): it needs the test projects of the solution.</summary>
    public const string ServiceWithoutTest = "MAR0015";
    public const string InvalidBaseline = "MAR0901";
}
