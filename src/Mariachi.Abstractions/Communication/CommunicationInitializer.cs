using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.Communication;

/// <summary>
/// Applies the middleware and procedure modules registered in DI to a new <see cref="ICommunication"/>, so every
/// adapter (in-process, NATS, a user's own) wires them the same way. Middleware first: a module's registrations
/// are then composed with it from the start.
/// </summary>
public static class CommunicationInitializer
{
    public static TCommunication Initialize<TCommunication>(TCommunication communication, IServiceProvider services)
        where TCommunication : ICommunication
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(services);
        foreach (var middleware in services.GetServices<IProcedureMiddleware>())
        {
            communication.Use(middleware);
        }

        foreach (var module in services.GetServices<IProcedureModule>())
        {
            module.Register(communication);
        }

        return communication;
    }
}
