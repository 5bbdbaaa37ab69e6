using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>
/// A nats-server of the test's own, on a free loopback port with JetStream in a temporary directory, which the test
/// may stop (abruptly, as a crash would) and start again on the same port and store. The shared test server is
/// never touched, so tests running in parallel are not disturbed. Only the process started here is ever killed.
/// </summary>
internal sealed partial class NatsServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _binary;
    private readonly string _directory;
    private readonly bool _jetStream;
    private readonly string[] _arguments;
    private Process? _process;

    private NatsServerProcess(string binary, string directory, bool jetStream, string[] arguments)
    {
        _binary = binary;
        _directory = directory;
        _jetStream = jetStream;
        _arguments = arguments;
    }

    public int Port { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>
    /// Starts a server; <paramref name="jetStream"/> false leaves JetStream off, as a plain core-NATS server runs;
    /// <paramref name="arguments"/> are more command-line options (authorization, TLS).
    /// </summary>
    public static async Task<NatsServerProcess> StartAsync(bool jetStream = true, params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("mariachi-nats-test-").FullName;
        var server = new NatsServerProcess(NatsTestEnvironment.RequireServerBinary(), directory, jetStream, arguments);
        try
        {
            // Port -1: the server picks a free one and writes it to the ports file; restarts reuse it.
            server._process = server.Launch("-1");
            server.Port = await server.ReadPortAsync();
            await server.WaitUntilAcceptingAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A server that is not running yet, on a loopback port free now (bound by the OS, then released), for a test that
    /// starts its app first; <see cref="RestartAsync"/> starts it.
    /// </summary>
    public static NatsServerProcess NotStarted()
    {
        var directory = Directory.CreateTempSubdirectory("mariachi-nats-test-").FullName;
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return new NatsServerProcess(NatsTestEnvironment.RequireServerBinary(), directory, jetStream: true, [])
        {
            Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port,
        };
    }

    /// <summary>Kills the server (no graceful shutdown) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) on the same port with the same JetStream store.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process = Launch(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitUntilAcceptingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory.
        }
    }

    private Process Launch(string port)
    {
        var start = new ProcessStartInfo(_binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var argument in new[]
                 {
                     "-a", "127.0.0.1", "-p", port, "--ports_file_dir", _directory, "-l", Path.Combine(_directory, "nats-server.log"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (_jetStream)
        {
            foreach (var argument in new[] { "-js", "-sd", Path.Combine(_directory, "jetstream") })
            {
                start.ArgumentList.Add(argument);
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
    }

    private async Task<int> ReadPortAsync()
    {
        var file = Path.Combine(_directory, $"nats-server_{_process!.Id}.ports");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited at start: {Log()}");
            }

            if (File.Exists(file) && PortPattern().Match(await File.ReadAllTextAsync(file)) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"nats-server did not report its port within {StartTimeout}: {Log()}");
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited at start: {Log()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nats-server does not accept connections on port {Port}: {Log()}");
    }

    private string Log()
    {
        var path = Path.Combine(_directory, "nats-server.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    [GeneratedRegex(@"(?:nats|tls)://[0-9.]+:([0-9]+)")]
    private static partial Regex PortPattern();
}
