using Mariachi.Communication;
using Shop.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts the services of Shop in a process: the API (in-process transport) or a worker.</summary>
public static class ShopServicesRegistration
{
    /// <summary>
    /// The procedures of every service (modules and services of this assembly) on the EF Core repositories of
    /// <see cref="ShopDb"/> (DATABASE_URL), with the schema created when the host starts.
    /// </summary>
    public static MariachiBuilder AddShopServices(this MariachiBuilder mariachi)
    {
        mariachi.AddShopProcedures();
        mariachi.Services.AddMariachiEntityFrameworkCore<ShopDb>();
        mariachi.Services.AddHostedService<ShopSchema>();
        return mariachi;
    }

    /// <summary>
    /// The procedures alone, on whatever repositories are registered (the in-memory ones of AddMariachi in tests).
    /// Every procedure module and every class named *Service of this assembly is registered, so that a service or a
    /// procedure added with <c>dotnet new mariachi-service</c> or <c>mariachi-procedure</c> needs no line here.
    /// </summary>
    public static MariachiBuilder AddShopProcedures(this MariachiBuilder mariachi)
    {
        ArgumentNullException.ThrowIfNull(mariachi);
        var types = typeof(ShopDb).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsNested: false });
        foreach (var type in types)
        {
            if (typeof(IProcedureModule).IsAssignableFrom(type))
            {
                mariachi.Services.AddSingleton(typeof(IProcedureModule), type);
            }
            else if (type.Name.EndsWith("Service", StringComparison.Ordinal))
            {
                mariachi.Services.AddSingleton(type);
            }
        }

        return mariachi;
    }
}
