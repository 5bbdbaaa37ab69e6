using Mariachi.Communication;
using Mariachi.Communication.Dispatch;

namespace Mariachi.Abstractions.Tests.Communication;

public sealed class ProcedureRegistryTests
{
    private static readonly Procedure<string, string> Echo = new("tests.echo");

    [Fact]
    public void A_handle_finds_its_entry_and_finds_it_again()
    {
        var registry = new ProcedureRegistry<FakeHandler>();
        var handler = new FakeHandler("tests.echo");
        registry.Add(handler);

        Assert.True(registry.TryGet(new Procedure<string, string>("tests.echo"), out var first));
        Assert.True(registry.TryGet(Echo, out var second));
        Assert.True(registry.TryGet(Echo, out var third));

        Assert.Same(handler, first.Handler);
        Assert.Same(second, third);
        Assert.Null(third.Pipeline);
    }

    [Fact]
    public void A_handle_used_with_several_registries_finds_each_ones_own_entry()
    {
        var procedure = new Procedure<string, string>("tests.shared");
        var one = new ProcedureRegistry<FakeHandler>();
        var two = new ProcedureRegistry<FakeHandler>();
        var empty = new ProcedureRegistry<FakeHandler>();
        var first = new FakeHandler("tests.shared");
        var second = new FakeHandler("tests.shared");
        one.Add(first);
        two.Add(second);

        for (var i = 0; i < 2; i++)
        {
            Assert.True(one.TryGet(procedure, out var fromOne));
            Assert.True(two.TryGet(procedure, out var fromTwo));
            Assert.False(empty.TryGet(procedure, out _));
            Assert.Same(first, fromOne.Handler);
            Assert.Same(second, fromTwo.Handler);
        }
    }

    [Fact]
    public void A_handle_sees_middleware_and_registrations_added_after_it_was_used()
    {
        var procedure = new Procedure<string, string>("tests.later");
        var registry = new ProcedureRegistry<FakeHandler>();
        Assert.False(registry.TryGet(procedure, out _));

        registry.Add(new FakeHandler("tests.later"));
        Assert.True(registry.TryGet(procedure, out var plain));
        registry.Use(new PassThrough());
        Assert.True(registry.TryGet(procedure, out var wrapped));

        Assert.Null(plain.Pipeline);
        Assert.NotNull(wrapped.Pipeline);
        Assert.Same(plain.Handler, wrapped.Handler);
    }

    [Fact]
    public void TryGet_with_a_null_handle_throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ProcedureRegistry<FakeHandler>().TryGet((Procedure<string, string>)null!, out _));
    }

    public sealed class FakeHandler(string name) : IProcedureHandler
    {
        public ProcedureInfo Info { get; } = new(name, typeof(string), typeof(string));

        public Task<object?> InvokeBoxedAsync(ProcedureCall call) => Task.FromResult(call.Input);
    }

    private sealed class PassThrough : IProcedureMiddleware
    {
        public Task<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => next(call);
    }
}
