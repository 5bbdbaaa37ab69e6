namespace Mariachi.Configuration;

/// <summary>The deployment environments <see cref="ConfigKeys.Environment"/> accepts.</summary>
public enum MariachiEnvironment
{
    Development,
    Test,
    Staging,
    Production,
}
