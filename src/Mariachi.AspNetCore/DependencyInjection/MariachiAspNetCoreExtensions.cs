using Mariachi;
using Mariachi.AspNetCore;
using Mariachi.AspNetCore.Requests;
using Mariachi.AspNetCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        // Every problem, ours and the framework's own (model validation, 404...), carries the Mariachi trace id
        // (not Activity.Id) and a code.
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = problem =>
        {
            var extensions = problem.ProblemDetails.Extensions;
            extensions["traceId"] = problem.HttpContext.RequestServices.GetRequiredService<HttpContextFactory>().TraceId(problem.HttpContext);
            if (!extensions.ContainsKey("code") && FrameworkCode(problem.ProblemDetails.Status) is { } code)
            {
                extensions["code"] = code;
            }
        });
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

    /// <summary>Adds the exception handler and the middleware that builds each request's Context. Call it early.</summary>
    public static IApplicationBuilder UseMariachi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseMiddleware<MariachiContextMiddleware>();
        return app;
    }

    /// <summary>The code of a problem the framework raised itself (model validation, routing, authorization).</summary>
    private static string? FrameworkCode(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.Validation.InvalidInput,
        StatusCodes.Status401Unauthorized => ErrorCodes.Auth.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Auth.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimit.Exceeded,
        _ => null,
    };

    /// <summary>Marks that the facade was registered, so a second call registers nothing twice.</summary>
    private sealed class AspNetCoreMarker;

    /// <summary>The Context of the current request.</summary>
    public static Context GetMariachiContext(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<HttpContextFactory>().Get(http);
    }
}
