namespace Mariachi.Abstractions.Tests.Errors;

public sealed class MariachiErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_code_is_rejected(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => new MariachiError(code, "message"));

        Assert.Equal("code", error.ParamName);
    }

    [Fact]
    public void A_null_code_is_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => new MariachiError(null!, "message"));
    }

    [Fact]
    public void Code_and_message_are_kept()
    {
        var error = new MariachiError("orders/out-of-stock", "Item 3 is out of stock.");

        Assert.Equal("orders/out-of-stock", error.Code);
        Assert.Equal("Item 3 is out of stock.", error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Metadata_is_never_null()
    {
        var error = new MariachiError("orders/out-of-stock", "message", metadata: null);

        Assert.NotNull(error.Metadata);
        Assert.Empty(error.Metadata);
    }

    [Fact]
    public void Metadata_is_kept()
    {
        var metadata = MariachiError.Meta(("orderId", 42), ("sku", "A-1"));

        var error = new MariachiError("orders/out-of-stock", "message", metadata);

        Assert.Same(metadata, error.Metadata);
        Assert.Equal(42, error.Metadata["orderId"]);
    }

    [Fact]
    public void The_inner_exception_is_kept()
    {
        var inner = new TimeoutException("socket");

        var error = new MariachiError(ErrorCodes.Internal, "message", innerException: inner);

        Assert.Same(inner, error.InnerException);
    }

    [Theory]
    [InlineData(ErrorCodes.NotFound, 404)]
    [InlineData(ErrorCodes.Internal, 500)]
    [InlineData(ErrorCodes.Auth.Forbidden, 403)]
    [InlineData(ErrorCodes.Validation.InvalidInput, 400)]
    [InlineData("app/custom", 500)]
    public void HttpStatus_comes_from_the_default_table(string code, int status)
    {
        Assert.Equal(status, new MariachiError(code, "message").HttpStatus);
    }

    [Fact]
    public void ToString_names_the_type_and_code()
    {
        var text = new NotFoundError(ErrorCodes.NotFound, "Order 42 not found.").ToString();

        Assert.StartsWith("NotFoundError [not-found]: ", text, StringComparison.Ordinal);
        Assert.Contains("Order 42 not found.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Meta_builds_a_dictionary_where_the_last_duplicate_wins()
    {
        var metadata = MariachiError.Meta(("a", 1), ("b", null), ("a", 2));

        Assert.Equal(2, metadata.Count);
        Assert.Equal(2, metadata["a"]);
        Assert.Null(metadata["b"]);
        Assert.Empty(MariachiError.Meta());
    }

    [Fact]
    public void Meta_keys_are_case_sensitive()
    {
        var metadata = MariachiError.Meta(("key", 1), ("Key", 2));

        Assert.Equal(2, metadata.Count);
    }
}
