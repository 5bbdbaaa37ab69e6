using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Mariachi.Abstractions.Tests.Configuration;

public sealed class ConfigReaderTests
{
    [Fact]
    public void GetString_trims_and_treats_blank_as_absent()
    {
        var reader = Reader(("A", "  value  "), ("B", "   "), ("C", ""));

        Assert.Equal("value", reader.GetString("A"));
        Assert.Null(reader.GetString("B"));
        Assert.Null(reader.GetString("C"));
        Assert.Null(reader.GetString("D"));
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        Assert.Equal("orders", Reader(("service_name", "orders")).GetString(ConfigKeys.ServiceName));
    }

    [Fact]
    public void GetRequiredString_names_the_missing_key()
    {
        var error = Assert.Throws<ConfigError>(() => Reader().GetRequiredString(ConfigKeys.ServiceName));

        Assert.Equal(ErrorCodes.Config.Missing, error.Code);
        Assert.Equal(ConfigKeys.ServiceName, error.Metadata["key"]);
        Assert.Contains("SERVICE_NAME", error.Message, StringComparison.Ordinal);
        Assert.Equal("orders", Reader(("SERVICE_NAME", "orders")).GetRequiredString(ConfigKeys.ServiceName));
    }

    [Theory]
    [InlineData("8080", 8080)]
    [InlineData(" 1 ", 1)]
    [InlineData("65535", 65535)]
    public void GetInt_parses_integers_in_range(string raw, int expected)
    {
        Assert.Equal(expected, Reader(("PORT", raw)).GetInt("PORT", 1, 65535));
    }

    [Fact]
    public void GetInt_of_an_absent_key_is_null()
    {
        Assert.Null(Reader().GetInt("PORT"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("80.5")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("99999999999")]
    [InlineData("0x50")]
    public void GetInt_rejects_a_bad_value_naming_the_key(string raw)
    {
        var error = Assert.Throws<ConfigError>(() => Reader(("PORT", raw)).GetInt("PORT", 1, 65535));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal("PORT", error.Metadata["key"]);
        Assert.Equal("an integer between 1 and 65535", error.Metadata["expected"]);
        Assert.Contains("'PORT'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{raw}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://cache:6379")]
    [InlineData("rediss://cache:6380")]
    [InlineData("REDIS://cache:6379")]
    public void GetUri_accepts_the_given_schemes(string raw)
    {
        var uri = Reader(("REDIS_URL", raw)).GetUri("REDIS_URL", "redis", "rediss");

        Assert.NotNull(uri);
        Assert.Equal("cache", uri.Host);
    }

    [Theory]
    [InlineData("http://admin:s3cret@cache:6379")]
    [InlineData("cache:6379")]
    [InlineData("not a url with s3cret")]
    [InlineData("//admin:s3cret@cache")]
    public void GetUri_rejects_a_bad_value_without_echoing_it(string raw)
    {
        var error = Assert.Throws<ConfigError>(() => Reader(("REDIS_URL", raw)).GetUri("REDIS_URL", "redis", "rediss"));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal("REDIS_URL", error.Metadata["key"]);
        Assert.Contains("REDIS_URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("redis://", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(raw, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Metadata.Values, v => v is string s && s.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public void GetUri_of_an_absent_key_is_null()
    {
        Assert.Null(Reader().GetUri("REDIS_URL", "redis"));
    }

    [Fact]
    public void GetUris_splits_on_commas()
    {
        var uris = Reader(("NATS_URL", "nats://a:4222 , tls://b:4443,")).GetUris("NATS_URL", "nats", "tls");

        Assert.Equal([new Uri("nats://a:4222"), new Uri("tls://b:4443")], uris);
        Assert.Empty(Reader().GetUris("NATS_URL", "nats"));
    }

    [Fact]
    public void GetUris_rejects_one_bad_part_without_echoing_it()
    {
        var error = Assert.Throws<ConfigError>(() =>
            Reader(("NATS_URL", "nats://a:4222,http://user:s3cret@b:4222")).GetUris("NATS_URL", "nats"));

        Assert.Equal("NATS_URL", error.Metadata["key"]);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("production", MariachiEnvironment.Production)]
    [InlineData("PRODUCTION", MariachiEnvironment.Production)]
    [InlineData("Staging", MariachiEnvironment.Staging)]
    [InlineData(" test ", MariachiEnvironment.Test)]
    public void GetEnum_is_case_insensitive(string raw, MariachiEnvironment expected)
    {
        Assert.Equal(expected, Reader(("ENV", raw)).GetEnum<MariachiEnvironment>("ENV"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("prod")]
    [InlineData("Production1")]
    [InlineData("staging,test")]
    [InlineData("development, production")]
    public void GetEnum_rejects_numbers_unknown_names_and_combinations(string raw)
    {
        var error = Assert.Throws<ConfigError>(() => Reader(("ENV", raw)).GetEnum<MariachiEnvironment>("ENV"));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal("ENV", error.Metadata["key"]);
        Assert.Contains("one of development, test, staging, production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEnum_of_an_absent_key_is_null()
    {
        Assert.Null(Reader().GetEnum<LogLevel>("LOG_LEVEL"));
    }

    [Fact]
    public void Missing_and_Invalid_build_config_errors()
    {
        var missing = ConfigReader.Missing("REDIS_URL");
        var invalid = ConfigReader.Invalid("PORT", "a port", shownValue: null);

        Assert.Equal(ErrorCodes.Config.Missing, missing.Code);
        Assert.Equal("REDIS_URL", missing.Metadata["key"]);
        Assert.Equal(ErrorCodes.Config.Invalid, invalid.Code);
        Assert.Equal("Configuration value 'PORT' is invalid: expected a port.", invalid.Message);
        Assert.Equal(500, invalid.HttpStatus);
    }

    [Fact]
    public void A_null_configuration_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ConfigReader(null!));
    }

    private static ConfigReader Reader(params (string Key, string? Value)[] values) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
