using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Tests;

/// <summary>The gadgets service through the communication layer, as the API calls it.</summary>
public sealed class GadgetsServiceTests : IAsyncDisposable
{
    private readonly Procedures _procedures = new();

    [Fact]
    public async Task The_status_names_the_service()
    {
        var status = await _procedures.Communication.CallAsync(GadgetsProcedures.Status, Procedures.As("acme"), new GadgetsStatusRequest());

        Assert.Equal("gadgets", status.Service);
    }

    public ValueTask DisposeAsync() => _procedures.DisposeAsync();
}
