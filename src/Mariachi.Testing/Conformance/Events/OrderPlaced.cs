namespace Mariachi.Testing.Conformance;

/// <summary>The payload of the event conformance tests: plain and serializable.</summary>
public sealed record OrderPlaced
{
    public Guid OrderId { get; init; }

    public decimal Total { get; init; }
}
