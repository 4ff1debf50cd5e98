using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runwire.ServiceDefaults.Health;

/// <summary>
/// The health endpoints answer with JSON: the overall status and each check's status, reason and data. Degraded answers
/// 200 unless <c>Health:DegradedStatusCode</c> says otherwise (a liveness probe must not restart a host that only
/// waits for its broker); Unhealthy answers 503.
/// </summary>
public static class HealthJson
{
    public static HealthCheckOptions Options(IConfiguration configuration, Func<HealthCheckRegistration, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = predicate };
        options.ResultStatusCodes[HealthStatus.Degraded] = configuration.GetValue("Health:DegradedStatusCode", StatusCodes.Status200OK);
        return options;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
