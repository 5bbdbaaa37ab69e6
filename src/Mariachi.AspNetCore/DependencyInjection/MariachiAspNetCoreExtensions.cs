using Mariachi;
using Mariachi.AspNetCore;
using Mariachi.AspNetCore.Requests;
using Mariachi.AspNetCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and enables the Mariachi facade for ASP.NET Core.</summary>
public static class MariachiAspNetCoreExtensions
{
    /// <summary>
    /// Makes the request's <see cref="Context"/> injectable (controller actions, minimal-API handlers and scoped
    /// services receive it as a parameter; no <c>Context.Create</c> in user code) and maps every exception to
    /// problem details. Register a custom <see cref="ErrorStatusTable"/> singleton first to add status codes. Calling it
    /// again only adds <paramref name="configure"/>.
    /// </summary>
    public static MariachiBuilder AddMariachiAspNetCore(this IServiceCollection services, Action<MariachiAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MariachiAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(AspNetCoreMarker)))
        {
            return new MariachiBuilder(services);
        }

        services.AddSingleton<AspNetCoreMarker>();

        services.AddHttpContextAccessor();
        // Every problem, ours and the framework's own (model validation, status code pages, NotFound()...), has
        // the Mariachi shape: a code, and the Mariachi trace id (not Activity.Id).
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = problem =>
            MariachiProblems.Complete(problem, problem.HttpContext.RequestServices.GetRequiredService<HttpContextFactory>().TraceId(problem.HttpContext)));
        // Model binding and validation failures of [ApiController]s become validation errors (after MVC's own setup,
        // which sets its factory whenever AddControllers is called); the JSON formatter's exceptions are kept
        // (instead of their messages) to tell a body that is not JSON from a wrong field.
        services.PostConfigure<ApiBehaviorOptions>(api => api.InvalidModelStateResponseFactory = InvalidModelStateProblems.Create);
        services.Configure<JsonOptions>(json => json.AllowInputFormatterExceptionMessages = false);
        services.TryAddSingleton(ErrorStatusTable.Default);
        services.TryAddSingleton<HttpContextFactory>();
        services.TryAddScoped(provider =>
        {
            var http = provider.GetRequiredService<IHttpContextAccessor>().HttpContext
                ?? throw new InvalidOperationException("The Mariachi Context is only available inside an HTTP request.");
            return provider.GetRequiredService<HttpContextFactory>().Get(http);
        });
        services.AddExceptionHandler<MariachiExceptionHandler>();
        return new MariachiBuilder(services);
    }

    /// <summary>
    /// Adds the exception handler, status code pages (a 4xx or 5xx without a body, from routing for example, gets a
    /// problem body) and the middleware that builds each request's Context. Call it early.
    /// </summary>
    public static IApplicationBuilder UseMariachi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<MariachiContextMiddleware>();
        return app;
    }

    /// <summary>Marks that the facade was registered, so a second call registers nothing twice.</summary>
    private sealed class AspNetCoreMarker;

    /// <summary>The Context of the current request.</summary>
    public static Context GetMariachiContext(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<HttpContextFactory>().Get(http);
    }
}
