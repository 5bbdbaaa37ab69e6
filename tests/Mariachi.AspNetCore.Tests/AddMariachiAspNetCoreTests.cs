using Mariachi.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mariachi.AspNetCore.Tests;

public sealed class AddMariachiAspNetCoreTests
{
    [Fact]
    public void Calling_it_twice_registers_the_facade_once_and_applies_both_configure_delegates()
    {
        var services = new ServiceCollection();

        var first = services.AddMariachiAspNetCore(o => o.ServerName = "public");
        var count = services.Count;
        var second = services.AddMariachiAspNetCore(o => o.TenantHeader = null);

        Assert.Same(services, first.Services);
        Assert.Same(services, second.Services);
        Assert.Equal(count + 1, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(IExceptionHandler));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<MariachiAspNetCoreOptions>>().Value;
        Assert.Equal(("public", null), (options.ServerName, options.TenantHeader));
    }

    [Fact]
    public void A_second_call_without_configure_adds_nothing()
    {
        var services = new ServiceCollection();
        services.AddMariachiAspNetCore();
        var registered = services.ToList();

        services.AddMariachiAspNetCore();

        Assert.Equal(registered, services);
    }
}
