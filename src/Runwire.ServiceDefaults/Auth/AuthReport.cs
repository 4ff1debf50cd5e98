using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>Says at start how callers are authenticated, and warns loudly when nobody is.</summary>
internal sealed partial class AuthReport(AuthSettings settings, ILogger<AuthReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            Off(logger);
        }
        else
        {
            Required(logger, settings.ApiKeys.Count, settings.Jwt is null ? "off" : settings.Jwt.Authority ?? "signing key",
                settings.DaprAppToken is not null, settings.ProtectMetrics);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 900, Level = LogLevel.Warning,
        Message = "Authentication is OFF (Runwire:Auth:Mode=none): anyone who reaches this port can submit jobs, read results, replace transformations and write through the adapters. Use this for local development only (docs/security.md).")]
    private static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 901, Level = LogLevel.Information,
        Message = "Authentication required: {ApiKeys} API key(s), JWT {Jwt}, Dapr app token {DaprAppToken}, /metrics protected {ProtectMetrics}")]
    private static partial void Required(ILogger logger, int apiKeys, string jwt, bool daprAppToken, bool protectMetrics);
}
