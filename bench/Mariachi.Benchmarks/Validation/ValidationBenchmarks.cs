using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;
using Mariachi.Validation;

namespace Mariachi.Benchmarks.Validation;

public sealed record PlainInput(string Customer, decimal Total, int Quantity);

public sealed record AnnotatedInput([property: Required, StringLength(100)] string Customer, [property: Range(0.01, 1_000_000)] decimal Total, [property: Range(1, 1000)] int Quantity);

/// <summary>
/// What validation costs before a handler runs. An input type without validation attributes should cost one cached
/// per-type lookup and allocate nothing: compare <see cref="AttributeFreeType"/> with the bare lookup it is made of
/// (<see cref="BareTypeLookup"/>); <see cref="AnnotatedTypeValid"/> shows what attributes cost when they are there.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly InputValidator _validator = new();
    private readonly ConcurrentDictionary<Type, bool> _lookup = new();
    private readonly object _plain = new PlainInput("Ana", 42.50m, 2);
    private readonly object _annotated = new AnnotatedInput("Ana", 42.50m, 2);

    [GlobalSetup]
    public void Setup()
    {
        // The first call per type works out its rules; the benchmarks measure every call after it.
        _validator.Validate(_plain, "orders.create");
        _validator.Validate(_annotated, "orders.create");
        _lookup[typeof(PlainInput)] = true;
    }

    [Benchmark(Baseline = true, Description = "Bare cached lookup by type")]
    public bool BareTypeLookup() => _lookup.TryGetValue(_plain.GetType(), out var value) && value;

    [Benchmark(Description = "Validate, type without attributes")]
    public void AttributeFreeType() => _validator.Validate(_plain, "orders.create");

    [Benchmark(Description = "Validate, annotated type (valid)")]
    public void AnnotatedTypeValid() => _validator.Validate(_annotated, "orders.create");
}
