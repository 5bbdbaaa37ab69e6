using System.Globalization;
using System.Reflection;
using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Mariachi.Abstractions.Tests.Configuration;

public sealed class ConfigBinderTests
{
    /// <summary>A valid value, different from the default, for every key of <see cref="ConfigKeys"/>.</summary>
    private static readonly Dictionary<string, string> ValidValues = new(StringComparer.Ordinal)
    {
        [ConfigKeys.Environment] = "production",
        [ConfigKeys.ServiceName] = "orders",
        [ConfigKeys.LogLevel] = "debug",
        [ConfigKeys.DatabaseUrl] = "postgres://app:pw@db:5432/orders",
        [ConfigKeys.RedisUrl] = "redis://cache:6379",
        [ConfigKeys.NatsUrl] = "nats://n1:4222,nats://n2:4222",
        [ConfigKeys.Port] = "8080",
        [ConfigKeys.AdminPort] = "9090",
        [ConfigKeys.WebhookPort] = "9191",
    };

    public static TheoryData<string> AllKeys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ConfigKeyConstants())
        {
            data.Add(key);
        }

        return data;
    }

    [Fact]
    public void Binds_every_key()
    {
        var options = Bind(ValidValues.Select(p => (p.Key, (string?)p.Value)).ToArray());

        Assert.Equal(MariachiEnvironment.Production, options.Environment);
        Assert.True(options.IsProduction);
        Assert.Equal("orders", options.ServiceName);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
        Assert.Equal(new Uri("postgres://app:pw@db:5432/orders"), options.DatabaseUrl);
        Assert.Equal(new Uri("redis://cache:6379"), options.RedisUrl);
        Assert.Equal([new Uri("nats://n1:4222"), new Uri("nats://n2:4222")], options.NatsUrls);
        Assert.Equal(8080, options.Port);
        Assert.Equal(9090, options.AdminPort);
        Assert.Equal(9191, options.WebhookPort);
    }

    [Fact]
    public void The_test_values_cover_every_config_key()
    {
        Assert.Equal(ConfigKeyConstants().Order(StringComparer.Ordinal), ValidValues.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Each_key_on_its_own_changes_the_options(string key)
    {
        var defaults = Describe(new MariachiOptions());

        var bound = Describe(Bind((key, ValidValues[key])));

        Assert.NotEqual(defaults, bound);
    }

    [Fact]
    public void Defaults_are_kept_when_keys_are_absent()
    {
        var options = Bind();

        Assert.Equal(MariachiEnvironment.Development, options.Environment);
        Assert.Equal("mariachi", options.ServiceName);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Null(options.DatabaseUrl);
        Assert.Null(options.RedisUrl);
        Assert.Empty(options.NatsUrls);
        Assert.Null(options.Port);
        Assert.Null(options.AdminPort);
        Assert.Null(options.WebhookPort);
    }

    [Fact]
    public void Values_set_before_binding_are_kept_when_keys_are_absent_or_blank()
    {
        var options = new MariachiOptions
        {
            ServiceName = "billing",
            Port = 5000,
            RedisUrl = new Uri("redis://preset:6379"),
            NatsUrls = [new Uri("nats://preset:4222")],
        };

        ConfigBinder.Bind(Configuration((ConfigKeys.ServiceName, "  "), (ConfigKeys.NatsUrl, "")), options);

        Assert.Equal("billing", options.ServiceName);
        Assert.Equal(5000, options.Port);
        Assert.Equal(new Uri("redis://preset:6379"), options.RedisUrl);
        Assert.Equal([new Uri("nats://preset:4222")], options.NatsUrls);
    }

    [Theory]
    [InlineData("production", MariachiEnvironment.Production)]
    [InlineData("PRODUCTION", MariachiEnvironment.Production)]
    [InlineData("Staging", MariachiEnvironment.Staging)]
    [InlineData("test", MariachiEnvironment.Test)]
    [InlineData("DEVELOPMENT", MariachiEnvironment.Development)]
    public void Environment_is_case_insensitive(string raw, MariachiEnvironment expected)
    {
        Assert.Equal(expected, Bind((ConfigKeys.Environment, raw)).Environment);
    }

    [Theory]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("none", LogLevel.None)]
    public void LogLevel_is_bound_by_name(string raw, LogLevel expected)
    {
        Assert.Equal(expected, Bind((ConfigKeys.LogLevel, raw)).LogLevel);
    }

    [Theory]
    [InlineData("postgres://app:pw@db:5432/orders", "postgres")]
    [InlineData("postgresql://db/orders", "postgresql")]
    [InlineData("sqlite:data/app.db", "sqlite")]
    [InlineData("sqlite:///var/lib/app.db", "sqlite")]
    [InlineData("file:///var/lib/app.db", "file")]
    public void DatabaseUrl_accepts_postgres_and_sqlite(string raw, string scheme)
    {
        var options = Bind((ConfigKeys.DatabaseUrl, raw));

        Assert.NotNull(options.DatabaseUrl);
        Assert.Equal(scheme, options.DatabaseUrl.Scheme);
    }

    [Theory]
    [InlineData("redis://cache:6379", "redis")]
    [InlineData("rediss://user:pw@cache:6380", "rediss")]
    public void RedisUrl_accepts_redis_and_rediss(string raw, string scheme)
    {
        Assert.Equal(scheme, Bind((ConfigKeys.RedisUrl, raw)).RedisUrl?.Scheme);
    }

    [Fact]
    public void NatsUrl_takes_two_comma_separated_urls()
    {
        var options = Bind((ConfigKeys.NatsUrl, "nats://n1:4222, tls://n2:4443"));

        Assert.Equal(2, options.NatsUrls.Count);
        Assert.Equal("n1", options.NatsUrls[0].Host);
        Assert.Equal(4443, options.NatsUrls[1].Port);
    }

    [Theory]
    [InlineData(ConfigKeys.Environment, "prod")]
    [InlineData(ConfigKeys.Environment, "1")]
    [InlineData(ConfigKeys.Environment, "staging,test")]
    [InlineData(ConfigKeys.LogLevel, "verbose")]
    [InlineData(ConfigKeys.LogLevel, "2")]
    [InlineData(ConfigKeys.LogLevel, "Information,Warning")]
    [InlineData(ConfigKeys.DatabaseUrl, "mysql://db/orders")]
    [InlineData(ConfigKeys.DatabaseUrl, "db:5432")]
    [InlineData(ConfigKeys.RedisUrl, "http://cache:6379")]
    [InlineData(ConfigKeys.NatsUrl, "nats://n1:4222,http://n2:4222")]
    [InlineData(ConfigKeys.Port, "abc")]
    [InlineData(ConfigKeys.Port, "0")]
    [InlineData(ConfigKeys.Port, "70000")]
    [InlineData(ConfigKeys.AdminPort, "-1")]
    [InlineData(ConfigKeys.WebhookPort, "port")]
    public void A_bad_value_is_a_config_error_naming_the_key(string key, string raw)
    {
        var error = Assert.Throws<ConfigError>(() => Bind((key, raw)));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal(key, error.Metadata["key"]);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigKeys.DatabaseUrl, "mysql://admin:s3cret@db/orders")]
    [InlineData(ConfigKeys.RedisUrl, "http://:s3cret@cache:6379")]
    [InlineData(ConfigKeys.NatsUrl, "nats://ok:4222,https://user:s3cret@bad:4222")]
    public void Url_values_are_not_echoed(string key, string raw)
    {
        var error = Assert.Throws<ConfigError>(() => Bind((key, raw)));

        Assert.Equal(key, error.Metadata["key"]);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("+1")]
    public void Numeric_strings_are_rejected_for_enums(string raw)
    {
        Assert.Equal(ConfigKeys.Environment, Assert.Throws<ConfigError>(() => Bind((ConfigKeys.Environment, raw))).Metadata["key"]);
        Assert.Equal(ConfigKeys.LogLevel, Assert.Throws<ConfigError>(() => Bind((ConfigKeys.LogLevel, raw))).Metadata["key"]);
    }

    [Fact]
    public void Bind_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => ConfigBinder.Bind(null!, new MariachiOptions()));
        Assert.Throws<ArgumentNullException>(() => ConfigBinder.Bind(Configuration(), null!));
    }

    [Fact]
    public void Validate_accepts_the_defaults()
    {
        ConfigBinder.Validate(new MariachiOptions());
    }

    [Fact]
    public void Validate_requires_a_service_name()
    {
        var error = Assert.Throws<ConfigError>(() => ConfigBinder.Validate(new MariachiOptions { ServiceName = " " }));

        Assert.Equal(ErrorCodes.Config.Missing, error.Code);
        Assert.Equal(ConfigKeys.ServiceName, error.Metadata["key"]);
    }

    [Theory]
    [InlineData(ConfigKeys.Port, 0)]
    [InlineData(ConfigKeys.Port, 65536)]
    [InlineData(ConfigKeys.AdminPort, -5)]
    [InlineData(ConfigKeys.WebhookPort, 100000)]
    public void Validate_catches_a_port_set_in_code_out_of_range(string key, int port)
    {
        var options = new MariachiOptions();
        typeof(MariachiOptions).GetProperty(PropertyOf(key))!.SetValue(options, port);

        var error = Assert.Throws<ConfigError>(() => ConfigBinder.Validate(options));

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Equal(key, error.Metadata["key"]);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(port.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigKeys.DatabaseUrl)]
    [InlineData(ConfigKeys.RedisUrl)]
    [InlineData(ConfigKeys.NatsUrl)]
    [InlineData(ConfigKeys.Port)]
    [InlineData(ConfigKeys.AdminPort)]
    [InlineData(ConfigKeys.WebhookPort)]
    public void A_required_key_without_a_value_is_missing(string key)
    {
        var options = Bind();
        options.Require(key);

        var error = Assert.Throws<ConfigError>(() => ConfigBinder.Validate(options));

        Assert.Equal(ErrorCodes.Config.Missing, error.Code);
        Assert.Equal(key, error.Metadata["key"]);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_key_can_be_required_and_is_satisfied_when_set(string key)
    {
        var options = Bind((key, ValidValues[key]));
        options.Require(key);

        ConfigBinder.Validate(options);
    }

    [Fact]
    public void The_first_missing_required_key_is_reported_in_ordinal_order()
    {
        var options = new MariachiOptions().Require(ConfigKeys.RedisUrl).Require(ConfigKeys.DatabaseUrl);

        var error = Assert.Throws<ConfigError>(() => ConfigBinder.Validate(options));

        Assert.Equal(ConfigKeys.DatabaseUrl, error.Metadata["key"]);
    }

    [Fact]
    public void Requiring_an_unknown_key_fails_at_once()
    {
        var error = Assert.Throws<ArgumentException>(() => new MariachiOptions().Require("NOT_A_KEY"));

        Assert.Contains("NOT_A_KEY", error.Message, StringComparison.Ordinal);
    }

    private static MariachiOptions Bind(params (string Key, string? Value)[] values)
    {
        var options = new MariachiOptions();
        ConfigBinder.Bind(Configuration(values), options);
        return options;
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private static IEnumerable<string> ConfigKeyConstants() =>
        typeof(ConfigKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static string PropertyOf(string key) => key switch
    {
        ConfigKeys.Port => nameof(MariachiOptions.Port),
        ConfigKeys.AdminPort => nameof(MariachiOptions.AdminPort),
        ConfigKeys.WebhookPort => nameof(MariachiOptions.WebhookPort),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a port key."),
    };

    private static string Describe(MariachiOptions o) =>
        string.Join(
            "|",
            o.Environment,
            o.ServiceName,
            o.LogLevel,
            o.DatabaseUrl,
            o.RedisUrl,
            string.Join(",", o.NatsUrls),
            o.Port,
            o.AdminPort,
            o.WebhookPort);
}
