using Mariachi.Adapters.Nats.Communication;
using Microsoft.Extensions.Time.Testing;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>The adapter's waits (handler deadlines, directory look-ups) run on the injected clock.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public void Ends_when_the_delay_has_passed_on_the_clock_given()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new Deadline(TimeSpan.FromSeconds(3), clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(deadline.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Ends_with_the_token_given_and_never_on_its_own_without_a_delay()
    {
        var clock = new FakeTimeProvider();
        using var source = new CancellationTokenSource();
        using var open = new Deadline(null, clock, source.Token);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(open.IsCancellationRequested);
        await source.CancelAsync();
        Assert.True(open.IsCancellationRequested);
    }
}
