namespace Mariachi;

/// <summary>The values of <see cref="Context.IdentityType"/>.</summary>
public static class IdentityTypes
{
    public const string Anonymous = "anonymous";
    public const string User = "user";
    public const string ApiKey = "api-key";
    public const string System = "system";
}
