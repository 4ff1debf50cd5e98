using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Runwire.ServiceDefaults;

/// <summary>
/// Applies <c>Runwire:Limits:MaxRequestBytes</c> to every request (an endpoint may raise it for itself, as the internal
/// step endpoints do) and answers a body over it with 413 and a JSON body that says the limit and its setting;
/// Kestrel alone answers 413 with an empty body.
/// </summary>
public static class RequestLimits
{
    public const string MaxRequestBytesSetting = "Runwire:Limits:MaxRequestBytes";
    public const long DefaultMaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The largest request body any endpoint takes unless it sets its own (zero or less: no limit). Its default is
    /// <c>Kafka:MaxJobBytes</c> (64 MiB unless set), so a job that may be sent over Kafka may be posted too.
    /// </summary>
    public static long MaxRequestBytes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<long?>(MaxRequestBytesSetting)
            ?? configuration.GetValue<long?>("Kafka:MaxJobBytes")
            ?? DefaultMaxRequestBytes;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limit = MaxRequestBytes(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                // An endpoint whose body middleware reads before the endpoint runs (a CloudEvent envelope) says its own
                // limit in metadata; the others may still raise the limit themselves before they read.
                var own = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
                feature.MaxRequestBodySize = own ?? (limit > 0 ? limit : null);
            }
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                var allowed = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? limit;
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(new
                {
                    detail = string.Create(CultureInfo.InvariantCulture,
                        $"The request body is larger than {(allowed == limit ? MaxRequestBytesSetting : "this endpoint")} allows ({allowed:N0} bytes)."),
                    limit = allowed == limit ? MaxRequestBytesSetting : null,
                    limit_bytes = allowed,
                }).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Gives one endpoint its own body limit, applied before any middleware reads the body.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(maxBytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
