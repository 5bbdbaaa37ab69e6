using Mariachi.Configuration;

namespace Mariachi.Abstractions.Tests.Configuration;

public sealed class ConfigKeysTests
{
    [Fact]
    public void Keys_are_the_environment_variable_names()
    {
        Assert.Equal("ENV", ConfigKeys.Environment);
        Assert.Equal("SERVICE_NAME", ConfigKeys.ServiceName);
        Assert.Equal("LOG_LEVEL", ConfigKeys.LogLevel);
        Assert.Equal("DATABASE_URL", ConfigKeys.DatabaseUrl);
        Assert.Equal("REDIS_URL", ConfigKeys.RedisUrl);
        Assert.Equal("NATS_URL", ConfigKeys.NatsUrl);
        Assert.Equal("PORT", ConfigKeys.Port);
        Assert.Equal("ADMIN_PORT", ConfigKeys.AdminPort);
        Assert.Equal("WEBHOOK_PORT", ConfigKeys.WebhookPort);
    }
}
