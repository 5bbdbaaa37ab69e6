namespace Mariachi.Adapters.InMemory.Tests.Communication;

/// <summary>
/// Tests that measure the unobserved call (its allocations) run alone: the telemetry tests' listeners are
/// process-wide, and while one listens every call takes the observed path.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UnobservedDispatch
{
    public const string Name = "Unobserved dispatch";
}
