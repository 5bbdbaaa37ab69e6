using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mariachi.Configuration;

/// <summary>
/// Typed, validated reads of configuration values. Every failure is a <see cref="ConfigError"/> that names the key and
/// what was expected (<see cref="ErrorCodes.Config.Missing"/> or <see cref="ErrorCodes.Config.Invalid"/>). Values of
/// URL settings are not echoed, since they often hold credentials.
/// </summary>
public sealed class ConfigReader
{
    private readonly IConfiguration _configuration;

    public ConfigReader(IConfiguration configuration) =>
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

    /// <summary>The trimmed value of <paramref name="key"/>, or null when absent or blank.</summary>
    public string? GetString(string key)
    {
        var value = _configuration[key]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string GetRequiredString(string key) => GetString(key) ?? throw Missing(key);

    public int? GetInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = GetString(key);
        if (raw is null)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, $"an integer between {min} and {max}", raw);
    }

    /// <summary>An absolute URI whose scheme is one of <paramref name="schemes"/>.</summary>
    public Uri? GetUri(string key, params string[] schemes)
    {
        var raw = GetString(key);
        return raw is null ? null : ParseUri(key, raw, schemes);
    }

    /// <summary>A comma-separated list of absolute URIs whose schemes are among <paramref name="schemes"/>.</summary>
    public IReadOnlyList<Uri> GetUris(string key, params string[] schemes)
    {
        var raw = GetString(key);
        return raw is null
            ? []
            : raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => ParseUri(key, part, schemes))
                .ToArray();
    }

    /// <summary>A name of <typeparamref name="TEnum"/>, case-insensitive; numbers are not accepted.</summary>
    public TEnum? GetEnum<TEnum>(string key)
        where TEnum : struct, Enum
    {
        var raw = GetString(key);
        if (raw is null)
        {
            return null;
        }

        // Only a single declared name: Enum.TryParse would also take numbers and comma-separated combinations
        // ("staging,test" is Staging | Test, which is Production).
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, raw, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<TEnum>(name)
            : throw Invalid(key, "one of " + string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant())), raw);
    }

    public static ConfigError Missing(string key) => new(
        ErrorCodes.Config.Missing,
        $"Configuration value '{key}' is required but not set. Set the environment variable {key} or the configuration key '{key}'.",
        MariachiError.Meta(("key", key)));

    public static ConfigError Invalid(string key, string expected, string? shownValue) => new(
        ErrorCodes.Config.Invalid,
        shownValue is null
            ? $"Configuration value '{key}' is invalid: expected {expected}."
            : $"Configuration value '{key}' is invalid: expected {expected}, got '{shownValue}'.",
        MariachiError.Meta(("key", key), ("expected", expected)));

    private static Uri ParseUri(string key, string raw, string[] schemes)
    {
        var expected = "an absolute URL with scheme " + string.Join(" or ", schemes.Select(s => s + "://"));
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (schemes.Length > 0 && !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)))
        {
            throw Invalid(key, expected, shownValue: null);
        }

        return uri;
    }
}
