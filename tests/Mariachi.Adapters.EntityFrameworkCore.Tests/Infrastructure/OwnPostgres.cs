using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own, made with the binaries CI uses (initdb and pg_ctl under
/// <c>/usr/lib/postgresql/*/bin</c>, or <c>MARIACHI_PG_BIN</c>, as <c>.ci/postgres.sh</c> finds them), so a test can
/// stop and start it. Without the binaries the tests that need it are skipped locally and fail when <c>CI=true</c>.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly string? _runAs;

    private OwnPostgres(string bin, string directory, string? runAs, int port)
    {
        _bin = bin;
        _directory = directory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's <c>postgres</c> database; trust authentication, so the password is only there to be hidden.</summary>
    public string ConnectionString(string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        Password = password,
        Timeout = 5,
    }.ConnectionString;

    /// <summary>The folder of pg_ctl and initdb, or null.</summary>
    public static string? BinDirectory =>
        new[] { Environment.GetEnvironmentVariable("MARIACHI_PG_BIN") }
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).Select(d => Path.Combine(d, "bin"))
                : [])
            .FirstOrDefault(d => d is { Length: > 0 } && File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));

    /// <summary>Why these tests are skipped, or null when they run (binaries found, or CI, where a missing one fails).</summary>
    public static string? SkipReason =>
        BinDirectory is null && !PostgresServer.IsCi
            ? "PostgreSQL down/up tests skipped: no initdb and pg_ctl under /usr/lib/postgresql/*/bin (or MARIACHI_PG_BIN). Install the Debian package postgresql; with CI=true they fail instead."
            : null;

    /// <summary>Makes a cluster in a temp folder and starts it on a free loopback port.</summary>
    public static async Task<OwnPostgres> CreateAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(
            "CI=true and no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or MARIACHI_PG_BIN: the down/up health test must run, never skip.");
        var directory = Directory.CreateTempSubdirectory("mariachi-own-pg.").FullName;

        // PostgreSQL refuses to run as root: as root, run it as the postgres user, as .ci/postgres.sh does.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", runAs, directory);
        }

        var server = new OwnPostgres(bin, directory, runAs, FreePort());
        await server.PgAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
        await server.StartAsync();
        return server;
    }

    public Task StartAsync() => PgAsync(
        "pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await StopAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string Data => Path.Combine(_directory, "data");

    private Task PgAsync(string tool, params string[] arguments) =>
        _runAs is null
            ? RunAsync(Path.Combine(_bin, tool), arguments)
            : RunAsync("runuser", ["-u", _runAs, "--", Path.Combine(_bin, tool), .. arguments]);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
