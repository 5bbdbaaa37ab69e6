using Mariachi.Communication;
using Mariachi.Events;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddMariachi</c>; adapters and applications chain their registrations on it.</summary>
public sealed class MariachiBuilder
{
    public MariachiBuilder(IServiceCollection services) =>
        Services = services ?? throw new ArgumentNullException(nameof(services));

    public IServiceCollection Services { get; }

    /// <summary>Adds a module whose procedures are registered when the <see cref="ICommunication"/> is created.</summary>
    public MariachiBuilder AddProcedureModule<TModule>()
        where TModule : class, IProcedureModule
    {
        Services.AddSingleton<IProcedureModule, TModule>();
        return this;
    }

    /// <summary>Adds middleware that runs around every procedure call.</summary>
    public MariachiBuilder AddProcedureMiddleware<TMiddleware>()
        where TMiddleware : class, IProcedureMiddleware
    {
        Services.AddSingleton<IProcedureMiddleware, TMiddleware>();
        return this;
    }

    /// <summary>Adds a module whose subscriptions are made when the application starts.</summary>
    public MariachiBuilder AddEventModule<TModule>()
        where TModule : class, IEventModule
    {
        Services.AddSingleton<IEventModule, TModule>();
        return this;
    }
}
