using System.Diagnostics;
using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using NATS.Client.Core;
using Xunit.Abstractions;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>Restarting nats-server under running calls, on a server of the test's own.</summary>
[RequiresNats(ServerBinary = true)]
public sealed class NatsReconnectTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Calls_in_flight_when_the_server_dies_fail_as_unavailable_and_calls_after_the_restart_succeed()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var responderConnection = new NatsConnection(TestNats.ConnectionOptions(server.Url));
        await using var callerConnection = new NatsConnection(TestNats.ConnectionOptions(server.Url));
        var options = TestNats.Options();
        options.RequestTimeout = TimeSpan.FromSeconds(5);
        await using var responder = new NatsCommunication(responderConnection, options);
        await using var caller = new NatsCommunication(callerConnection, options);
        var entered = 0;
        var allEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        responder.Register<Ping, Pong>("restart.slow", async (_, input, cancellationToken) =>
        {
            if (Interlocked.Increment(ref entered) == InFlight)
            {
                allEntered.TrySetResult();
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new Pong(input.Value);
        });
        responder.Register<Ping, Pong>("restart.echo", (_, input) => Task.FromResult(new Pong(input.Value)));
        await responder.WhenReadyAsync();
        var context = Context.Create(tenantId: "tenant-r");
        Assert.Equal(1, (await caller.CallAsync<Pong>("restart.echo", context, new Ping(1))).Value);

        var inFlight = Enumerable.Range(0, InFlight).Select(i => caller.CallAsync<Pong>("restart.slow", context, new Ping(i)).AsTask()).ToArray();
        await allEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await server.KillAsync();

        foreach (var call in inFlight)
        {
            var error = await Assert.ThrowsAsync<CommunicationError>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(ErrorCodes.Communication.Unavailable, error.Code);
            Assert.Equal("connection", error.Metadata["reason"]);
        }

        output.WriteLine($"{InFlight} in-flight calls failed as unavailable {clock.ElapsedMilliseconds} ms after the kill");

        // Failed at once, not at the 5 s request timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"In-flight calls took {clock.Elapsed} to fail.");
        var whileDown = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<Pong>("restart.echo", context, new Ping(2)).AsTask());
        Assert.Equal(ErrorCodes.Communication.Unavailable, whileDown.Code);

        await server.RestartAsync();
        var codes = new List<string>();
        Pong? pong = null;
        var deadline = Stopwatch.StartNew();
        while (pong is null && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                pong = await caller.CallAsync<Pong>("restart.echo", context, new Ping(3));
            }
            catch (CommunicationError error)
            {
                codes.Add(error.Code);
                await Task.Delay(100);
            }
        }

        output.WriteLine($"first call succeeded {deadline.ElapsedMilliseconds} ms after the restart, after failures: [{string.Join(", ", codes)}]");
        Assert.NotNull(pong);
        Assert.Equal(3, pong.Value);
        Assert.All(codes, code => Assert.Contains(code, new[] { ErrorCodes.Communication.Unavailable, ErrorCodes.Communication.Timeout }));
        Assert.Equal(4, (await caller.CallAsync<Pong>("restart.echo", context, new Ping(4))).Value);
    }

    private const int InFlight = 5;

    public sealed record Ping(int Value);

    public sealed record Pong(int Value);
}
