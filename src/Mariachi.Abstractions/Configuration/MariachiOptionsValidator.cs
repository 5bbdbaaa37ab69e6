using Microsoft.Extensions.Options;

namespace Mariachi.Configuration;

/// <summary>
/// Validates <see cref="MariachiOptions"/> after every configure step: the values that did not bind from
/// configuration, the required keys and the values set in code. Each failure reads <c>code: message</c> and names
/// its key, so the <see cref="OptionsValidationException"/> that stops the host lists every problem at once.
/// </summary>
internal sealed class MariachiOptionsValidator : IValidateOptions<MariachiOptions>
{
    public ValidateOptionsResult Validate(string? name, MariachiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ConfigBinder.Errors(options).Select(Describe).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>How a <see cref="ConfigError"/> reads as an options validation failure.</summary>
    internal static string Describe(ConfigError error) => $"{error.Code}: {error.Message}";
}
