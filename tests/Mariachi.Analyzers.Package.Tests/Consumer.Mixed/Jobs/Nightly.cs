using Mariachi;
using Microsoft.Extensions.Configuration;
using Mixed.Services;

namespace Mixed.Jobs;

// The same mix outside controllers, in another file.
public sealed class Nightly(IConfiguration configuration)
{
    private readonly IConfiguration _configuration = configuration;

    public static string? Folder() => Environment.GetEnvironmentVariable("NIGHTLY_FOLDER"); // stays: MAR0002

    public string? Schedule() => Environment.GetEnvironmentVariable("NIGHTLY_SCHEDULE");

    public static Func<string, Task<string>> Later(Context ctx) => static value => Store.Save(default!, value); // stays: MAR0003

    public Task<string> Run(Context ctx, string value) => Store.Save(default!, value);

    public static Func<Context> Spawn(Context ctx) => static () => Context.Create(); // stays: MAR0005

    public Task<string> Again(Context ctx, string value) => Store.Save(Context.Create(tenantId: "acme"), value);
}
