using Mariachi.Events;

namespace Mariachi.Abstractions.Tests.Events;

public sealed class EventNameTests
{
    [Theory]
    [InlineData("orders.order.created")]
    [InlineData("billing.invoice.payment-failed")]
    [InlineData("users.api_key.revoked")]
    [InlineData("a1.b2.c3")]
    public void Three_lowercase_segments_pass(string name)
    {
        Assert.True(EventName.IsValid(name));
        EventName.EnsureValid(name);
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("orders")]
    [InlineData("orders.order.created.v2")]
    [InlineData("Orders.order.created")]
    [InlineData("orders.order.Created")]
    [InlineData("orders..created")]
    [InlineData(".orders.order")]
    [InlineData("orders.order.")]
    [InlineData("orders.1order.created")]
    [InlineData("orders.order.created\n")]
    [InlineData("")]
    public void Other_names_fail(string name)
    {
        Assert.False(EventName.IsValid(name));
    }

    [Fact]
    public void Null_is_invalid()
    {
        Assert.False(EventName.IsValid(null));
        Assert.Throws<EventsError>(() => EventName.EnsureValid(null));
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("orders.order.created.v2")]
    public void EnsureValid_throws_an_events_error(string name)
    {
        var error = Assert.Throws<EventsError>(() => EventName.EnsureValid(name));

        Assert.Equal(ErrorCodes.Events.InvalidName, error.Code);
        Assert.Equal(name, error.Metadata["event"]);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }
}
