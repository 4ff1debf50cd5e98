using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Runwire.ServiceDefaults.Health;

/// <summary>
/// For the Dapr-mode services: the sidecar is part of readiness, and endpoints that cannot work without it answer 503
/// at once instead of waiting minutes for a sidecar that is not there. <c>Health:DaprSidecar=false</c> turns both off
/// for a host that runs without Dapr (the adapters service called directly by a standalone host, tests).
/// </summary>
public static class DaprSidecarSetup
{
    public const string Setting = "Health:DaprSidecar";

    public static IHostApplicationBuilder AddDaprSidecarCheck(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(DaprSidecar.HttpClientName);
        builder.Services.AddSingleton<DaprSidecar>();
        if (builder.Configuration.GetValue(Setting, true))
        {
            builder.Services.AddHealthChecks().AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", tags: [HealthTags.Ready]);
        }
        return builder;
    }

    /// <summary>
    /// Answers 503 with the sidecar's state when the sidecar is not ready, before the handler runs (after authorization,
    /// so an anonymous caller learns nothing about it).
    /// </summary>
    public static TBuilder RequireDaprSidecar<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            if (!services.GetRequiredService<IConfiguration>().GetValue(Setting, true))
            {
                return next;
            }
            var sidecar = services.GetRequiredService<DaprSidecar>();
            return async context =>
            {
                var state = await sidecar.CheckAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
                if (state.Ready)
                {
                    return await next(context).ConfigureAwait(false);
                }
                context.HttpContext.Response.Headers.RetryAfter = "5";
                return TypedResults.Json(new { detail = state.Description, sidecar = state.Endpoint.ToString() },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            };
        });
    }
}
