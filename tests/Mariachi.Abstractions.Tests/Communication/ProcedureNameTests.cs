using Mariachi.Communication;

namespace Mariachi.Abstractions.Tests.Communication;

public sealed class ProcedureNameTests
{
    [Theory]
    [InlineData("orders.create")]
    [InlineData("billing.invoices.send-reminder")]
    [InlineData("users.get_by_id")]
    [InlineData("a.b")]
    [InlineData("v2.orders.list")]
    public void Valid_names_pass(string name)
    {
        Assert.True(ProcedureName.IsValid(name));
        ProcedureName.EnsureValid(name);
    }

    [Theory]
    [InlineData("Orders.create")]
    [InlineData("orders")]
    [InlineData("orders..create")]
    [InlineData("orders.Create")]
    [InlineData(".a.b")]
    [InlineData("a.b.")]
    [InlineData("1a.b")]
    [InlineData("a.1b")]
    [InlineData("")]
    [InlineData(" orders.create")]
    [InlineData("orders.create ")]
    [InlineData("orders/create")]
    [InlineData("orders.-create")]
    [InlineData("orders.créer")]
    public void Invalid_names_fail(string name)
    {
        Assert.False(ProcedureName.IsValid(name));
    }

    [Fact]
    public void Null_is_invalid()
    {
        Assert.False(ProcedureName.IsValid(null));
        Assert.Equal(ErrorCodes.Communication.InvalidName, Assert.Throws<CommunicationError>(() => ProcedureName.EnsureValid(null)).Code);
    }

    [Theory]
    [InlineData("Orders.create")]
    [InlineData("orders")]
    [InlineData("")]
    public void EnsureValid_throws_a_communication_error(string name)
    {
        var error = Assert.Throws<CommunicationError>(() => ProcedureName.EnsureValid(name));

        Assert.Equal(ErrorCodes.Communication.InvalidName, error.Code);
        Assert.Equal(name, error.Metadata["procedure"]);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }
}
