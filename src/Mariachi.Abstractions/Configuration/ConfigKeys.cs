namespace Mariachi.Configuration;

/// <summary>
/// The configuration keys of the original framework's environment variables. With the environment-variable
/// configuration provider (on by default in ASP.NET Core and the generic host) each is read from the variable of the
/// same name; any other provider (JSON, command line, in-memory) may supply it under the same key.
/// </summary>
public static class ConfigKeys
{
    /// <summary>development, test, staging or production.</summary>
    public const string Environment = "ENV";
    public const string ServiceName = "SERVICE_NAME";
    public const string LogLevel = "LOG_LEVEL";

    /// <summary>postgres://user:password@host:5432/db, or sqlite:path/to/file.db.</summary>
    public const string DatabaseUrl = "DATABASE_URL";

    /// <summary>redis://host:6379 or rediss://host:6380.</summary>
    public const string RedisUrl = "REDIS_URL";

    /// <summary>nats://host:4222; several servers separated by commas.</summary>
    public const string NatsUrl = "NATS_URL";

    public const string Port = "PORT";
    public const string AdminPort = "ADMIN_PORT";
    public const string WebhookPort = "WEBHOOK_PORT";

    /// <summary>Every key above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Environment, ServiceName, LogLevel, DatabaseUrl, RedisUrl, NatsUrl, Port, AdminPort, WebhookPort];
}
