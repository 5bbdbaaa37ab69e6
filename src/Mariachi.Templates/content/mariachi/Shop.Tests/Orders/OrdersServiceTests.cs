using Mariachi;
using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Tests;

/// <summary>The orders service through the communication layer, as the API calls it.</summary>
public sealed class OrdersServiceTests : IAsyncDisposable
{
    private readonly Procedures _procedures = new();

    [Fact]
    public async Task An_order_created_by_a_tenant_is_read_back_by_that_tenant_only()
    {
        var created = await _procedures.Communication.CallAsync(OrdersProcedures.Create, Procedures.As("acme"), new CreateOrder("Ana", 42.5m));

        var read = await _procedures.Communication.CallAsync(OrdersProcedures.Get, Procedures.As("acme"), new GetOrder(created.Id));
        var error = await Assert.ThrowsAsync<NotFoundError>(async () =>
            await _procedures.Communication.CallAsync(OrdersProcedures.Get, Procedures.As("globex"), new GetOrder(created.Id)));

        Assert.Equal(created, read);
        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }

    public ValueTask DisposeAsync() => _procedures.DisposeAsync();
}
