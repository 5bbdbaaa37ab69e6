using Mariachi.Configuration;
using Microsoft.Extensions.Logging;

namespace Mariachi.Abstractions.Tests.Configuration;

public sealed class MariachiOptionsTests
{
    [Fact]
    public void Defaults_are_development_settings()
    {
        var options = new MariachiOptions();

        Assert.Equal(MariachiEnvironment.Development, options.Environment);
        Assert.False(options.IsProduction);
        Assert.Equal("mariachi", options.ServiceName);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Empty(options.NatsUrls);
        Assert.Empty(options.RequiredKeys);
    }

    [Theory]
    [InlineData(MariachiEnvironment.Production, true)]
    [InlineData(MariachiEnvironment.Staging, false)]
    [InlineData(MariachiEnvironment.Test, false)]
    public void IsProduction_follows_the_environment(MariachiEnvironment environment, bool expected)
    {
        Assert.Equal(expected, new MariachiOptions { Environment = environment }.IsProduction);
    }

    [Fact]
    public void Require_adds_a_key_once_and_chains()
    {
        var options = new MariachiOptions();

        var returned = options.Require(ConfigKeys.NatsUrl).Require(ConfigKeys.NatsUrl).Require(ConfigKeys.RedisUrl);

        Assert.Same(options, returned);
        Assert.Equal(2, options.RequiredKeys.Count);
        Assert.Contains(ConfigKeys.NatsUrl, options.RequiredKeys);
        Assert.Contains(ConfigKeys.RedisUrl, options.RequiredKeys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Require_rejects_a_blank_key(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MariachiOptions().Require(key));
    }
}
