using Mariachi.Adapters.Nats;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="MariachiNatsOptions"/> when the host starts, reporting every bad setting as <c>code: message</c>.</summary>
internal sealed class MariachiNatsOptionsValidator : IValidateOptions<MariachiNatsOptions>
{
    public ValidateOptionsResult Validate(string? name, MariachiNatsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Errors().Select(error => $"{error.Code}: {error.Message}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
