using Orders.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts the orders service in a process: its procedures, its database and its schema.</summary>
public static class OrdersServiceRegistration
{
    /// <summary>
    /// Registers the orders procedures and their EF Core repository (DATABASE_URL, else the SQLite file mariachi.db),
    /// creating the schema when the host starts.
    /// </summary>
    public static MariachiBuilder AddOrdersService(this MariachiBuilder mariachi)
    {
        ArgumentNullException.ThrowIfNull(mariachi);
        mariachi.AddProcedureModule<OrderService>();
        mariachi.Services.AddMariachiEntityFrameworkCore<OrdersDb>();
        mariachi.Services.AddHostedService<OrdersSchema>();
        return mariachi;
    }
}
