using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mariachi.Bench.OrdersLoad;

/// <summary>
/// <c>clients</c> concurrent clients, each its own tenant, repeating create -> get -> list until <c>requests</c> requests
/// were sent in all. Every response is checked (status and body); every order the API acknowledged is remembered.
/// </summary>
internal sealed class LoadRun(HttpClient http, int requests, int clients)
{
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly ConcurrentBag<string> _errors = [];
    private readonly ConcurrentDictionary<Guid, byte> _acknowledged = new();
    private int _sent;

    public IReadOnlyCollection<string> Errors => _errors;

    public IReadOnlyCollection<Guid> Acknowledged => (IReadOnlyCollection<Guid>)_acknowledged.Keys;

    public async Task<LoadResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => ClientAsync($"load-{client}")));
        clock.Stop();
        var sorted = _latenciesMs.Order().ToArray();
        return new LoadResult(
            sorted.Length,
            _errors.Count,
            sorted.Length / clock.Elapsed.TotalSeconds,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            clock.Elapsed);
    }

    private async Task ClientAsync(string tenant)
    {
        var n = 0;
        while (true)
        {
            if (!Take())
            {
                return;
            }

            var created = await TimeAsync(tenant, HttpMethod.Post, "/orders", JsonContent.Create(new { customer = $"{tenant}-{n++}", total = 12.5m }), 201);
            if (created is null)
            {
                continue;
            }

            var id = created.Value.GetProperty("id").GetGuid();
            _acknowledged[id] = 0;
            if (Take())
            {
                var fetched = await TimeAsync(tenant, HttpMethod.Get, $"/orders/{id}", null, 200);
                if (fetched is { } order && order.GetProperty("id").GetGuid() != id)
                {
                    _errors.Add($"GET /orders/{id} returned order {order.GetProperty("id")}");
                }
            }

            if (Take())
            {
                await TimeAsync(tenant, HttpMethod.Get, "/orders?page=1&pageSize=20", null, 200);
            }
        }
    }

    private bool Take() => Interlocked.Increment(ref _sent) <= requests;

    private async Task<JsonElement?> TimeAsync(string tenant, HttpMethod method, string path, HttpContent? content, int expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Tenant-Id", tenant);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            _latenciesMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if ((int)response.StatusCode != expected)
            {
                _errors.Add($"{method} {path}: {(int)response.StatusCode} {body}");
                return null;
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            _latenciesMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            _errors.Add($"{method} {path}: {exception.GetType().Name} {exception.Message}");
            return null;
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

internal sealed record LoadResult(int Requests, int Errors, double PerSecond, double P50Ms, double P99Ms, TimeSpan Elapsed);
