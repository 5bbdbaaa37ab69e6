namespace Mariachi.Abstractions.Tests.Results;

public sealed class ResultOfTTests
{
    private static readonly NotFoundError Missing = new(ErrorCodes.NotFound, "Order 42 not found.");

    [Fact]
    public void Ok_holds_a_value()
    {
        var result = Result<string>.Ok("order-42");

        Assert.True(result.IsOk);
        Assert.False(result.IsErr);
        Assert.Equal("order-42", result.Value);
        Assert.Throws<InvalidOperationException>(() => result.Error);
    }

    [Fact]
    public void Err_holds_an_error()
    {
        var result = Result<string>.Err(Missing);

        Assert.True(result.IsErr);
        Assert.Same(Missing, result.Error);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Err_rejects_a_null_error()
    {
        Assert.Throws<ArgumentNullException>(() => Result<int>.Err(null!));
    }

    [Fact]
    public void Values_and_errors_convert_implicitly()
    {
        Result<int> ok = 5;
        Result<int> err = Missing;

        Assert.Equal(5, ok.Value);
        Assert.Same(Missing, err.Error);
    }

    [Fact]
    public void Converts_implicitly_to_the_two_parameter_result()
    {
        Result<int, MariachiError> ok = Result<int>.Ok(5);
        Result<int, MariachiError> err = Result<int>.Err(Missing);

        Assert.Equal(5, ok.Value);
        Assert.Same(Missing, err.Error);
        Assert.Equal(ErrorCodes.NotFound, err.MapError(e => e.Code).Error);
    }

    [Fact]
    public void Map_transforms_Ok_and_keeps_Err()
    {
        var calls = 0;

        var mapped = Result<int>.Ok(2).Map(v => v * 10);
        var kept = Result<int>.Err(Missing).Map(v =>
        {
            calls++;
            return v;
        });

        Assert.Equal(20, mapped.Value);
        Assert.Same(Missing, kept.Error);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Bind_chains_Ok_results()
    {
        var result = Result<int>.Ok(3).Bind(v => Result<string>.Ok(new string('a', v)));
        var failed = Result<int>.Ok(3).Bind(_ => Result<string>.Err(Missing));

        Assert.Equal("aaa", result.Value);
        Assert.Same(Missing, failed.Error);
    }

    [Fact]
    public void Bind_short_circuits_on_Err()
    {
        var calls = 0;

        var result = Result<int>.Err(Missing).Bind(v =>
        {
            calls++;
            return Result<int>.Ok(v);
        });

        Assert.Equal(0, calls);
        Assert.Same(Missing, result.Error);
        Assert.Throws<ArgumentNullException>(() => Result<int>.Ok(1).Bind<int>(null!));
    }

    [Fact]
    public void Match_calls_the_branch_of_the_case()
    {
        Assert.Equal("value 1", Result<int>.Ok(1).Match(v => $"value {v}", e => e.Code));
        Assert.Equal(ErrorCodes.NotFound, Result<int>.Err(Missing).Match(v => $"value {v}", e => e.Code));
    }

    [Fact]
    public void Unwrap_returns_the_value_or_rethrows_the_same_error()
    {
        Assert.Equal(8, Result<int>.Ok(8).Unwrap());

        var thrown = Assert.Throws<NotFoundError>(() => Result<int>.Err(Missing).Unwrap());

        Assert.Same(Missing, thrown);
    }

    [Fact]
    public void UnwrapOr_returns_the_fallback_only_for_Err()
    {
        Assert.Equal(8, Result<int>.Ok(8).UnwrapOr(0));
        Assert.Equal(0, Result<int>.Err(Missing).UnwrapOr(0));
        Assert.Equal(8, Result<int>.Ok(8).UnwrapOr(_ => -1));
        Assert.Equal(404, Result<int>.Err(Missing).UnwrapOr(e => e.HttpStatus));
    }

    [Fact]
    public void ToString_shows_the_case()
    {
        Assert.Equal("Ok(8)", Result<int>.Ok(8).ToString());
        Assert.StartsWith("Err(NotFoundError [not-found]", Result<int>.Err(Missing).ToString(), StringComparison.Ordinal);
    }
}
