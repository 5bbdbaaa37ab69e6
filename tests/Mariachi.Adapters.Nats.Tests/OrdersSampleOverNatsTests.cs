using System.Net;
using System.Net.Http.Json;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orders.Contracts;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>
/// samples/Orders run as two processes with one setting (NATS_URL): the API, which then hosts no service, and the
/// worker (built here the way Orders.Worker builds it), which owns the database and serves the procedures.
/// </summary>
[RequiresNats]
public sealed class OrdersSampleOverNatsTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"orders-nats-{Guid.NewGuid():N}.db");
    private readonly string _namespace = TestNats.UniqueId();
    private IHost? _worker;
    private WebApplicationFactory<Program>? _api;

    public async Task InitializeAsync()
    {
        var worker = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        worker.Configuration.AddInMemoryCollection([
            new(ConfigKeys.NatsUrl, NatsTestEnvironment.RequireUrl()),
            new(ConfigKeys.DatabaseUrl, "sqlite:" + _database),
        ]);
        worker.Services.AddMariachi().AddOrdersService();
        worker.Services.AddMariachiNats(Isolate);
        _worker = worker.Build();
        await _worker.StartAsync();

        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(api =>
        {
            api.UseSetting(ConfigKeys.NatsUrl, NatsTestEnvironment.RequireUrl());
            api.ConfigureTestServices(services => services.Configure<MariachiNatsOptions>(Isolate));
        });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_api_reaches_the_worker_over_nats_with_tenancy_and_errors_intact()
    {
        using var acme = Client("acme");
        using var globex = Client("globex");

        var created = await acme.PostAsJsonAsync("/orders", new CreateOrder("Ana", 12.5m));
        var order = (await created.Content.ReadFromJsonAsync<OrderView>())!;
        var fetched = await acme.GetFromJsonAsync<OrderView>($"/orders/{order.Id}");
        var otherTenant = await globex.GetAsync($"/orders/{order.Id}");
        var invalid = await acme.PostAsJsonAsync("/orders", new CreateOrder(string.Empty, 1m));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(order, fetched);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Contains("\"code\":\"not-found\"", await otherTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private void Isolate(MariachiNatsOptions options)
    {
        var isolated = TestNats.Options(_namespace);
        options.ProcedureSubjectPrefix = isolated.ProcedureSubjectPrefix;
        options.Events.SubjectPrefix = isolated.Events.SubjectPrefix;
        options.Events.StreamName = isolated.Events.StreamName;
    }

    private HttpClient Client(string tenant)
    {
        var client = _api!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }
}
