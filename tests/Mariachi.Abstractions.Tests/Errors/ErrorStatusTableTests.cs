namespace Mariachi.Abstractions.Tests.Errors;

public sealed class ErrorStatusTableTests
{
    public static TheoryData<string> EveryFrameworkCode()
    {
        var data = new TheoryData<string>();
        foreach (var (_, code) in ErrorCodeCatalog.All)
        {
            data.Add(code);
        }

        return data;
    }

    [Fact]
    public void Exact_match_beats_prefix()
    {
        var table = ErrorStatusTable.Default;

        Assert.Equal(403, table.ToHttpStatus(ErrorCodes.Auth.Forbidden));
        Assert.Equal(401, table.ToHttpStatus(ErrorCodes.Auth.InvalidToken));
        Assert.Equal(503, table.ToHttpStatus(ErrorCodes.Database.Unavailable));
        Assert.Equal(500, table.ToHttpStatus(ErrorCodes.Database.Failure));
    }

    [Fact]
    public void Longest_slash_prefix_wins()
    {
        var table = ErrorStatusTable.Default.With("billing", 402).With("billing/card/declined", 409);

        Assert.Equal(402, table.ToHttpStatus("billing"));
        Assert.Equal(402, table.ToHttpStatus("billing/card"));
        Assert.Equal(402, table.ToHttpStatus("billing/card/expired"));
        Assert.Equal(409, table.ToHttpStatus("billing/card/declined"));
        Assert.Equal(409, table.ToHttpStatus("billing/card/declined/insufficient-funds"));
    }

    [Fact]
    public void Prefixes_only_match_on_a_slash_boundary()
    {
        var table = ErrorStatusTable.Default.With("billing", 402);

        Assert.Equal(500, table.ToHttpStatus("billingx/card"));
        Assert.Equal(500, table.ToHttpStatus("validationx"));
        Assert.Equal(500, table.ToHttpStatus("not-found-here"));
        Assert.Equal(500, table.ToHttpStatus("/billing"));
    }

    [Fact]
    public void Codes_are_case_sensitive()
    {
        Assert.Equal(500, ErrorStatusTable.Default.ToHttpStatus("Validation/invalid-input"));
        Assert.Equal(500, ErrorStatusTable.Default.ToHttpStatus("NOT-FOUND"));
    }

    [Theory]
    [InlineData("orders/out-of-stock")]
    [InlineData("unknown")]
    public void Unknown_codes_are_500(string code)
    {
        Assert.Equal(500, ErrorStatusTable.Default.ToHttpStatus(code));
        Assert.False(ErrorStatusTable.Default.TryResolve(code, out var status));
        Assert.Equal(ErrorStatusTable.FallbackStatus, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Null_or_empty_codes_are_500(string? code)
    {
        Assert.Equal(500, ErrorStatusTable.Default.ToHttpStatus(code));
        Assert.False(ErrorStatusTable.Default.TryResolve(code, out _));
    }

    [Theory]
    [InlineData(ErrorCodes.Communication.NotFound, 404)]
    [InlineData(ErrorCodes.Communication.Unauthorized, 401)]
    [InlineData(ErrorCodes.Communication.Timeout, 504)]
    [InlineData(ErrorCodes.Communication.Unavailable, 503)]
    [InlineData(ErrorCodes.Communication.DuplicateProcedure, 500)]
    [InlineData(ErrorCodes.Tenancy.MissingTenant, 400)]
    [InlineData(ErrorCodes.Tenancy.AccessDenied, 403)]
    [InlineData(ErrorCodes.NotFound, 404)]
    [InlineData(ErrorCodes.Internal, 500)]
    [InlineData(ErrorCodes.Conflict.Concurrency, 409)]
    [InlineData(ErrorCodes.Conflict.Unique, 409)]
    [InlineData("conflict/anything-else", 409)]
    [InlineData(ErrorCodes.Auth.Unauthenticated, 401)]
    [InlineData(ErrorCodes.Auth.Forbidden, 403)]
    [InlineData(ErrorCodes.RateLimit.Exceeded, 429)]
    [InlineData(ErrorCodes.Jobs.NotFound, 404)]
    [InlineData(ErrorCodes.Events.Unavailable, 503)]
    [InlineData(ErrorCodes.Config.Invalid, 500)]
    [InlineData(ErrorCodes.Result.UnwrapFailed, 500)]
    [InlineData(ErrorCodes.Validation.MalformedBody, 400)]
    [InlineData(ErrorCodes.Http.MethodNotAllowed, 405)]
    [InlineData(ErrorCodes.Http.NotAcceptable, 406)]
    [InlineData(ErrorCodes.Http.PayloadTooLarge, 413)]
    [InlineData(ErrorCodes.Http.UnsupportedMediaType, 415)]
    [InlineData(ErrorCodes.Http.ClientError, 400)]
    public void Default_maps_framework_codes(string code, int status)
    {
        Assert.Equal(status, ErrorStatusTable.Default.ToHttpStatus(code));
    }

    [Theory]
    [InlineData(ErrorCodes.Validation.InvalidInput)]
    [InlineData("validation/missing-field")]
    [InlineData("validation/order/lines")]
    [InlineData("validation")]
    public void Every_validation_code_is_400(string code)
    {
        Assert.Equal(400, ErrorStatusTable.Default.ToHttpStatus(code));
    }

    [Theory]
    [MemberData(nameof(EveryFrameworkCode))]
    public void Every_framework_code_has_an_entry(string code)
    {
        Assert.True(ErrorStatusTable.Default.TryResolve(code, out var status), $"'{code}' falls through to 500.");
        Assert.InRange(status, 400, 599);
    }

    [Fact]
    public void With_returns_a_copy_and_leaves_Default_unchanged()
    {
        var table = ErrorStatusTable.Default.With("billing", 402).With(ErrorCodes.Auth.Forbidden, 418);

        Assert.NotSame(ErrorStatusTable.Default, table);
        Assert.Equal(402, table.ToHttpStatus("billing/card"));
        Assert.Equal(418, table.ToHttpStatus(ErrorCodes.Auth.Forbidden));
        Assert.Equal(404, table.ToHttpStatus(ErrorCodes.NotFound));
        Assert.False(ErrorStatusTable.Default.TryResolve("billing/card", out _));
        Assert.Equal(403, ErrorStatusTable.Default.ToHttpStatus(ErrorCodes.Auth.Forbidden));
        Assert.False(ErrorStatusTable.Default.Entries.ContainsKey("billing"));
        Assert.Equal(ErrorStatusTable.Default.Entries.Count + 1, table.Entries.Count);
    }

    [Theory]
    [InlineData("billing/*")]
    [InlineData("billing/")]
    public void With_trims_a_trailing_wildcard(string prefix)
    {
        var table = ErrorStatusTable.Default.With(prefix, 402);

        Assert.Equal(402, table.ToHttpStatus("billing/card"));
        Assert.True(table.Entries.ContainsKey("billing"));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    [InlineData(0)]
    [InlineData(-404)]
    public void With_rejects_a_status_outside_100_to_599(int status)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorStatusTable.Default.With("billing", status));

        Assert.Equal("status", error.ParamName);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(599)]
    public void With_accepts_the_bounds_of_the_status_range(int status)
    {
        Assert.Equal(status, ErrorStatusTable.Default.With("billing", status).ToHttpStatus("billing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("/*")]
    [InlineData("*")]
    public void With_rejects_an_empty_code(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => ErrorStatusTable.Default.With(code, 400));

        Assert.Equal("codeOrPrefix", error.ParamName);
    }

    [Fact]
    public void With_many_entries_adds_them_all()
    {
        var table = ErrorStatusTable.Default.With(
        [
            new KeyValuePair<string, int>("billing", 402),
            new KeyValuePair<string, int>("shipping/lost", 410),
        ]);

        Assert.Equal(402, table.ToHttpStatus("billing/x"));
        Assert.Equal(410, table.ToHttpStatus("shipping/lost"));
        Assert.Equal(500, table.ToHttpStatus("shipping/late"));
        Assert.Throws<ArgumentNullException>(() => table.With(null!));
    }

    [Fact]
    public void TryResolve_reports_the_status_it_found()
    {
        Assert.True(ErrorStatusTable.Default.TryResolve("conflict/unique", out var status));
        Assert.Equal(409, status);
    }
}
