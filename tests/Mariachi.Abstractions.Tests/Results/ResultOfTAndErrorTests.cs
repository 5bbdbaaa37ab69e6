namespace Mariachi.Abstractions.Tests.Results;

public sealed class ResultOfTAndErrorTests
{
    [Fact]
    public void Ok_holds_a_value()
    {
        var result = Result<int, string>.Ok(5);

        Assert.True(result.IsOk);
        Assert.False(result.IsErr);
        Assert.Equal(5, result.Value);
        Assert.Throws<InvalidOperationException>(() => result.Error);
    }

    [Fact]
    public void Err_holds_an_error()
    {
        var result = Result<int, string>.Err("out of stock");

        Assert.True(result.IsErr);
        Assert.False(result.IsOk);
        Assert.Equal("out of stock", result.Error);
        var thrown = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("out of stock", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Err_rejects_a_null_error()
    {
        Assert.Throws<ArgumentNullException>(() => Result<int, string>.Err(null!));
    }

    [Fact]
    public void A_value_converts_implicitly_to_Ok()
    {
        Result<string, int> result = "hello";

        Assert.True(result.IsOk);
        Assert.Equal("hello", result.Value);
    }

    [Fact]
    public void Map_transforms_the_value_of_Ok()
    {
        var result = Result<int, string>.Ok(20).Map(v => v * 2 + 2);

        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void Map_keeps_the_error_and_does_not_call_the_mapper()
    {
        var calls = 0;

        var result = Result<int, string>.Err("bad").Map(v =>
        {
            calls++;
            return v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal(0, calls);
        Assert.Equal("bad", result.Error);
    }

    [Fact]
    public void MapError_transforms_the_error_of_Err()
    {
        var result = Result<int, string>.Err("bad").MapError(e => e.Length);

        Assert.Equal(3, result.Error);
    }

    [Fact]
    public void MapError_keeps_the_value_and_does_not_call_the_mapper()
    {
        var calls = 0;

        var result = Result<int, string>.Ok(7).MapError(e =>
        {
            calls++;
            return e.Length;
        });

        Assert.Equal(0, calls);
        Assert.Equal(7, result.Value);
    }

    [Fact]
    public void Bind_chains_Ok_results()
    {
        var ok = Result<int, string>.Ok(4).Bind(v => Result<string, string>.Ok(new string('x', v)));
        var err = Result<int, string>.Ok(4).Bind(_ => Result<string, string>.Err("too small"));

        Assert.Equal("xxxx", ok.Value);
        Assert.Equal("too small", err.Error);
    }

    [Fact]
    public void Bind_short_circuits_on_Err()
    {
        var calls = 0;

        var result = Result<int, string>.Err("first failure").Bind(v =>
        {
            calls++;
            return Result<int, string>.Ok(v);
        });

        Assert.Equal(0, calls);
        Assert.Equal("first failure", result.Error);
    }

    [Fact]
    public void Match_calls_the_branch_of_the_case()
    {
        Assert.Equal("ok:1", Result<int, string>.Ok(1).Match(v => $"ok:{v}", e => $"err:{e}"));
        Assert.Equal("err:nope", Result<int, string>.Err("nope").Match(v => $"ok:{v}", e => $"err:{e}"));
    }

    [Fact]
    public void Null_functions_are_rejected()
    {
        var result = Result<int, string>.Ok(1);

        Assert.Throws<ArgumentNullException>(() => result.Map<int>(null!));
        Assert.Throws<ArgumentNullException>(() => result.MapError<int>(null!));
        Assert.Throws<ArgumentNullException>(() => result.Bind<int>(null!));
        Assert.Throws<ArgumentNullException>(() => result.Match(null!, e => 0));
        Assert.Throws<ArgumentNullException>(() => result.Match(v => 0, null!));
        Assert.Throws<ArgumentNullException>(() => result.UnwrapOr((Func<string, int>)null!));
    }

    [Fact]
    public void Unwrap_returns_the_value_of_Ok()
    {
        Assert.Equal(9, Result<int, string>.Ok(9).Unwrap());
    }

    [Fact]
    public void Unwrap_rethrows_an_exception_error_as_is()
    {
        var error = new ConflictError(ErrorCodes.Conflict.Concurrency, "stale row");
        var result = Result<int, MariachiError>.Err(error);

        var thrown = Assert.Throws<ConflictError>(() => result.Unwrap());

        Assert.Same(error, thrown);
    }

    [Fact]
    public void Unwrap_of_a_plain_exception_error_rethrows_it()
    {
        var error = new TimeoutException("slow");

        var thrown = Assert.Throws<TimeoutException>(() => Result<int, Exception>.Err(error).Unwrap());

        Assert.Same(error, thrown);
    }

    [Fact]
    public void Unwrap_of_a_non_exception_error_throws_unwrap_failed()
    {
        var thrown = Assert.Throws<MariachiError>(() => Result<int, string>.Err("quota exhausted").Unwrap());

        Assert.Equal(ErrorCodes.Result.UnwrapFailed, thrown.Code);
        Assert.Equal("quota exhausted", thrown.Metadata["error"]);
        Assert.Contains("quota exhausted", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(500, thrown.HttpStatus);
    }

    [Fact]
    public void UnwrapOr_value_returns_the_fallback_only_for_Err()
    {
        Assert.Equal(1, Result<int, string>.Ok(1).UnwrapOr(99));
        Assert.Equal(99, Result<int, string>.Err("bad").UnwrapOr(99));
    }

    [Fact]
    public void UnwrapOr_function_gets_the_error_and_is_not_called_for_Ok()
    {
        var calls = 0;

        var ok = Result<int, string>.Ok(1).UnwrapOr(e =>
        {
            calls++;
            return e.Length;
        });
        var err = Result<int, string>.Err("four").UnwrapOr(e => e.Length);

        Assert.Equal(1, ok);
        Assert.Equal(0, calls);
        Assert.Equal(4, err);
    }

    [Fact]
    public void ToString_shows_the_case()
    {
        Assert.Equal("Ok(3)", Result<int, string>.Ok(3).ToString());
        Assert.Equal("Err(bad)", Result<int, string>.Err("bad").ToString());
    }
}
