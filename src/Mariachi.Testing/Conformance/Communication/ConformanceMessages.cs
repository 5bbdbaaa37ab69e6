using System.ComponentModel.DataAnnotations;

namespace Mariachi.Testing.Conformance;

/// <summary>Input of the conformance procedures: plain, serializable, with validation rules.</summary>
public sealed record EchoInput
{
    [Required]
    [StringLength(50, MinimumLength = 1)]
    public string Text { get; init; } = string.Empty;

    [Range(0, 1000)]
    public int Times { get; init; } = 1;
}

/// <summary>Output of the conformance procedures.</summary>
public sealed record EchoOutput
{
    public string Text { get; init; } = string.Empty;

    public string? Procedure { get; init; }

    public string? TraceId { get; init; }

    public string? TenantId { get; init; }

    public string? UserId { get; init; }
}

/// <summary>A second input type, for type-mismatch checks.</summary>
public sealed record OtherInput
{
    public int Value { get; init; }
}
