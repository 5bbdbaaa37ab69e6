using Mariachi.Communication;
using Mariachi.Communication.Dispatch;

namespace Mariachi.Abstractions.Tests.Communication;

public sealed class ProcedureLookupTests
{
    [Fact]
    public void Finds_every_name_among_many_and_nothing_else()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"orders.p{i}").ToArray();
        var lookup = new ProcedureLookup<string>(names.Select(n => KeyValuePair.Create(n, n.ToUpperInvariant())));

        foreach (var name in names)
        {
            // Another string instance with the same text: found by its text, not its reference.
            var copy = new string(name.AsSpan());
            Assert.True(lookup.TryGet(copy, ProcedureLookup.Hash(copy), out var value));
            Assert.Equal(name.ToUpperInvariant(), value);
        }

        Assert.False(lookup.TryGet("orders.p500", ProcedureLookup.Hash("orders.p500"), out _));
        Assert.False(lookup.TryGet("orders.p1", ProcedureLookup.Hash("orders.p2"), out _));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var lookup = new ProcedureLookup<string>([]);

        Assert.False(lookup.TryGet("orders.create", ProcedureLookup.Hash("orders.create"), out _));
    }

    [Fact]
    public void A_registry_finds_a_handle_by_its_name_in_each_new_snapshot()
    {
        var registry = new ProcedureRegistry<Handler>();
        var create = new Procedure<int, int>("orders.create");
        Assert.False(registry.TryGet(create, out _));

        registry.Add(new Handler("orders.create"));
        registry.Add(new Handler("orders.cancel"));
        Assert.True(registry.TryGet(create, out var before));
        Assert.Null(before.Pipeline);

        registry.Use(new PassThrough());
        Assert.True(registry.TryGet(new Procedure<int, int>("orders.create"), out var after));
        Assert.Same(before.Handler, after.Handler);
        Assert.NotNull(after.Pipeline);
        Assert.Throws<ArgumentNullException>(() => registry.TryGet((Procedure<int, int>)null!, out _));
    }

    private sealed class Handler(string name) : IProcedureHandler
    {
        public ProcedureInfo Info { get; } = new(name, typeof(int), typeof(int));

        public ValueTask<object?> InvokeBoxedAsync(ProcedureCall call) => ValueTask.FromResult<object?>(call.Input);
    }

    private sealed class PassThrough : IProcedureMiddleware
    {
        public ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => next(call);
    }
}
