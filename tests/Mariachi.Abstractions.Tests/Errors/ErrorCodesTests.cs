namespace Mariachi.Abstractions.Tests.Errors;

public sealed class ErrorCodesTests
{
    [Fact]
    public void Reflection_finds_the_nested_codes()
    {
        var codes = ErrorCodeCatalog.All.Select(c => c.Code).ToArray();

        Assert.Contains(ErrorCodes.NotFound, codes);
        Assert.Contains(ErrorCodes.Communication.Serialization, codes);
        Assert.Contains(ErrorCodes.Result.UnwrapFailed, codes);
        Assert.True(codes.Length >= 30, $"Only {codes.Length} codes were found.");
    }

    [Fact]
    public void Codes_are_unique()
    {
        var duplicates = ErrorCodeCatalog.All.GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Codes_are_lowercase_kebab_segments_separated_by_slashes()
    {
        var malformed = ErrorCodeCatalog.All
            .Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Code, "^[a-z][a-z-]*(/[a-z][a-z-]*)?$"))
            .Select(c => c.Name);

        Assert.Empty(malformed);
    }

    [Fact]
    public void Nested_codes_start_with_their_area()
    {
        Assert.StartsWith("config/", ErrorCodes.Config.Invalid, StringComparison.Ordinal);
        Assert.StartsWith("communication/", ErrorCodes.Communication.InvalidName, StringComparison.Ordinal);
        Assert.StartsWith("events/", ErrorCodes.Events.InvalidName, StringComparison.Ordinal);
        Assert.StartsWith("rate-limit/", ErrorCodes.RateLimit.Exceeded, StringComparison.Ordinal);
        Assert.Equal("result/unwrap-failed", ErrorCodes.Result.UnwrapFailed);
        Assert.Equal("validation/invalid-input", ErrorCodes.Validation.InvalidInput);
    }
}
