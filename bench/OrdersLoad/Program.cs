using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mariachi.Bench.OrdersLoad;

// Usage: OrdersLoad [--topology inprocess|nats|both] [--requests 20000] [--clients 64]
//   PostgreSQL: MARIACHI_TEST_POSTGRES (an Npgsql admin connection string; .ci/postgres.sh sets it)
//   NATS:       MARIACHI_TEST_NATS (a nats-server with JetStream; .ci/nats.sh sets it), for --topology nats
var topology = Option("--topology", "both");
var requests = int.Parse(Option("--requests", "20000"), CultureInfo.InvariantCulture);
var clients = int.Parse(Option("--clients", "64"), CultureInfo.InvariantCulture);
var postgres = Environment.GetEnvironmentVariable("MARIACHI_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set MARIACHI_TEST_POSTGRES (source .ci/postgres.sh && postgres_start).");
var repository = FindRepository();

var failed = false;
Console.WriteLine($"| topology | requests | clients | errors | orders acknowledged | lost | duplicated or unknown | req/s | p50 ms | p99 ms | load avg |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var name in topology == "both" ? new[] { "inprocess", "nats" } : [topology])
{
    failed |= !await RunAsync(name);
}

return failed ? 1 : 0;

async Task<bool> RunAsync(string name)
{
    await using var database = await OrdersDatabase.CreateAsync(postgres);
    var port = FreePort();
    var api = new Dictionary<string, string> { ["DATABASE_URL"] = database.Url, ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
    var processes = new List<SampleProcess>();
    try
    {
        if (name == "nats")
        {
            var nats = Environment.GetEnvironmentVariable("MARIACHI_TEST_NATS")
                ?? throw new InvalidOperationException("Set MARIACHI_TEST_NATS (source .ci/nats.sh && nats_start).");
            api["NATS_URL"] = nats;
            api.Remove("DATABASE_URL");
            processes.Add(SampleProcess.Start(repository, "Orders.Worker", new Dictionary<string, string> { ["NATS_URL"] = nats, ["DATABASE_URL"] = database.Url }));
        }

        processes.Add(SampleProcess.Start(repository, "Orders.Api", api));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        await WaitReadyAsync(http, processes);

        var run = new LoadRun(http, requests, clients);
        var result = await run.RunAsync();
        var stored = await database.OrderIdsAsync();
        var storedSet = stored.ToHashSet();
        var acknowledged = run.Acknowledged.ToHashSet();
        var lost = acknowledged.Count(id => !storedSet.Contains(id));
        var extra = stored.Count - storedSet.Count + storedSet.Count(id => !acknowledged.Contains(id));
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {result.Requests} | {clients} | {result.Errors} | {run.Acknowledged.Count} | {lost} | {extra} | {result.PerSecond:F0} | {result.P50Ms:F1} | {result.P99Ms:F1} | {load} |"));
        foreach (var error in run.Errors.Take(10))
        {
            Console.Error.WriteLine("  error: " + error);
        }

        return result.Errors == 0 && lost == 0 && extra == 0;
    }
    finally
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}

static async Task WaitReadyAsync(HttpClient http, List<SampleProcess> processes)
{
    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
    while (DateTime.UtcNow < deadline)
    {
        processes.ForEach(p => p.EnsureRunning());
        try
        {
            // Ready, and the orders procedures served: split over NATS, the worker may register after the API is up.
            using var probe = new HttpRequestMessage(HttpMethod.Get, "/orders?page=1&pageSize=1");
            probe.Headers.Add("X-Tenant-Id", "load-probe");
            if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK
                && (await http.SendAsync(probe)).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(250);
    }

    throw new TimeoutException("The Orders API was not ready within 120 s.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Mariachi.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from a build inside the repository (Mariachi.sln not found above the bench).");
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
