namespace Mariachi.Abstractions.Tests.Errors;

public sealed class ErrorStatusTests
{
    [Theory]
    [InlineData(ErrorCodes.NotFound, 404)]
    [InlineData(ErrorCodes.Communication.Timeout, 504)]
    [InlineData("validation/anything", 400)]
    [InlineData("app/unknown", 500)]
    [InlineData(null, 500)]
    public void Code_status_uses_the_default_table(string? code, int status)
    {
        Assert.Equal(status, ErrorStatus.ToHttpStatus(code));
    }

    [Fact]
    public void An_exception_that_is_not_a_mariachi_error_is_500()
    {
        Assert.Equal(500, ErrorStatus.ToHttpStatus(new InvalidOperationException("boom")));
        Assert.Equal(500, ErrorStatus.ToHttpStatus(new ArgumentException("bad"), ErrorStatusTable.Default.With("internal", 418)));
    }

    [Fact]
    public void A_mariachi_error_uses_its_code()
    {
        Assert.Equal(409, ErrorStatus.ToHttpStatus(new ConflictError(ErrorCodes.Conflict.Unique, "duplicate")));
        Assert.Equal(404, ErrorStatus.ToHttpStatus(new NotFoundError(ErrorCodes.NotFound, "missing"), table: null));
    }

    [Fact]
    public void A_mariachi_error_uses_the_given_table()
    {
        var table = ErrorStatusTable.Default.With("billing", 402);
        var error = new BillingError("billing/card-declined", "declined");

        Assert.Equal(402, ErrorStatus.ToHttpStatus(error, table));
        Assert.Equal(500, ErrorStatus.ToHttpStatus(error));
    }
}
