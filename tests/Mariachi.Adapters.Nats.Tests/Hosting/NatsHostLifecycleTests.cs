using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Hosting;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests.Hosting;

/// <summary>A host on the NATS adapter starting before its server, and stopping under load, on a server of the test's own.</summary>
[RequiresNats(ServerBinary = true)]
public sealed class NatsHostLifecycleTests
{
    private static readonly Context Caller = Context.Create(tenantId: "tenant-life");

    [Fact]
    public async Task A_host_started_before_the_server_waits_for_it_logs_each_attempt_and_then_serves()
    {
        await using var server = NatsServerProcess.NotStarted();
        var attempts = new ScopeRecordingLogger<NatsStartupConnection>();
        using var host = Build(server.Url, TestNats.Options(), attempts, options => options.StartupConnectTimeout = TimeSpan.FromSeconds(30));

        var starting = host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(starting.IsCompleted, "The host started without a server.");
        await server.RestartAsync();
        await starting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains(attempts.Entries, e => e.Message.StartsWith($"NATS at {server.Url} is not reachable yet (attempt 1)", StringComparison.Ordinal));
        host.Services.GetRequiredService<WorkLog>().Release.TrySetResult();
        await using var callerConnection = await TestNats.ConnectAsync(server.Url);
        await using var caller = new NatsCommunication(callerConnection, Mirror(host));
        Assert.Equal("ok:1", await caller.CallAsync(WorkModule.Work, Caller, 1));
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_server_the_host_gives_up_after_the_startup_timeout_naming_the_server()
    {
        await using var server = NatsServerProcess.NotStarted();
        using var host = Build(server.Url, TestNats.Options(), logger: null, options => options.StartupConnectTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<CommunicationError>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(ErrorCodes.Communication.Unavailable, error.Code);
        Assert.Contains($"Could not connect to NATS at {server.Url} within 00:00:01", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nats:StartupConnectTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_under_100_calls_in_flight_lets_each_finish_and_answer()
    {
        await using var server = await NatsServerProcess.StartAsync();
        var options = TestNats.Options();
        using var host = Build(server.Url, options, logger: null, o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        await host.StartAsync();
        var work = host.Services.GetRequiredService<WorkLog>();
        await using var callerConnection = await TestNats.ConnectAsync(server.Url);
        await using var caller = new NatsCommunication(callerConnection, Mirror(host));

        var calls = Enumerable.Range(0, InFlight).Select(i => caller.CallAsync(WorkModule.Work, Caller, i).AsTask()).ToArray();
        await work.AllEntered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var stopping = host.StopAsync();
        await Task.Delay(200);
        work.Release.TrySetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var answers = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, InFlight).Select(i => $"ok:{i}"), answers);
        Assert.Equal(InFlight, work.Completed);     // every handler ran to its end: none cancelled half-way
        var after = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync(WorkModule.Work, Caller, -1).AsTask());
        Assert.Equal(ErrorCodes.Communication.Unavailable, after.Code);  // no longer served
    }

    private const int InFlight = 100;

    private static IHost Build(string url, MariachiNatsOptions from, ILogger<NatsStartupConnection>? logger, Action<MariachiNatsOptions> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(ConfigKeys.NatsUrl, url)]);
        builder.Services.AddSingleton<WorkLog>();
        if (logger is not null)
        {
            builder.Services.AddSingleton(logger);
        }

        builder.Services.AddMariachiNats(options =>
        {
            options.ProcedureSubjectPrefix = from.ProcedureSubjectPrefix;
            options.Events.SubjectPrefix = from.Events.SubjectPrefix;
            options.Events.StreamName = from.Events.StreamName;
            configure(options);
        }).AddProcedureModule<WorkModule>();
        return builder.Build();
    }

    /// <summary>Caller options in the host's namespace.</summary>
    private static MariachiNatsOptions Mirror(IHost host)
    {
        var hosted = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MariachiNatsOptions>>().Value;
        var options = TestNats.Options();
        options.ProcedureSubjectPrefix = hosted.ProcedureSubjectPrefix;
        options.RequestTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private sealed class WorkLog
    {
        private int _entered;
        private int _completed;

        public TaskCompletionSource AllEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Completed => Volatile.Read(ref _completed);

        public void Entered()
        {
            if (Interlocked.Increment(ref _entered) == InFlight)
            {
                AllEntered.TrySetResult();
            }
        }

        public void Done() => Interlocked.Increment(ref _completed);
    }

    private sealed class WorkModule(WorkLog log) : IProcedureModule
    {
        public static readonly Procedure<int, string> Work = new("lifecycle.work");

        public void Register(ICommunication communication) =>
            communication.Register(Work, async (_, input, cancellationToken) =>
            {
                if (input < 0)
                {
                    return "late";
                }

                log.Entered();
                await log.Release.Task.WaitAsync(cancellationToken);
                log.Done();
                return $"ok:{input}";
            });
    }
}
