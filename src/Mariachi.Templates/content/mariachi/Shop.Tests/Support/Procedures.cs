using Mariachi;
using Mariachi.Communication;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Tests;

/// <summary>
/// The services of Shop behind the communication layer, on in-memory repositories: a test calls a procedure by its
/// handle, as the API does, and gets what a caller gets (results, or MariachiErrors).
/// </summary>
public sealed class Procedures : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddMariachi()
        .AddShopProcedures()
        .Services
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    public ICommunication Communication => _services.GetRequiredService<ICommunication>();

    /// <summary>The Context of a caller of <paramref name="tenant"/>.</summary>
    public static Context As(string tenant) => Context.Create(tenantId: tenant);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
