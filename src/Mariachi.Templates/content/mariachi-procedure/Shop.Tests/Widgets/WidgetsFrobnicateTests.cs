using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Tests;

/// <summary>widgets.frobnicate through the communication layer, as the API calls it.</summary>
public sealed class WidgetsFrobnicateTests : IAsyncDisposable
{
    private readonly Procedures _procedures = new();

    [Fact]
    public async Task Frobnicate_answers_for_its_input()
    {
        var input = new WidgetsFrobnicateRequest(Guid.NewGuid());

        var response = await _procedures.Communication.CallAsync(WidgetsProcedures.Frobnicate, Procedures.As("acme"), input);

        Assert.Equal(input.Id, response.Id);
    }

    public ValueTask DisposeAsync() => _procedures.DisposeAsync();
}
