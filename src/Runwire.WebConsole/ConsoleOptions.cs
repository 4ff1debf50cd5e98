using Microsoft.Extensions.Configuration;

namespace Runwire.WebConsole;

/// <summary>
/// Settings under <c>Console:</c>. TraceUrl: a link to a job's trace, with <c>{traceId}</c> standing for its W3C trace id
/// (e.g. <c>http://localhost:16686/trace/{traceId}</c> for Jaeger); no link when unset. PollSeconds: how often the job
/// list and the health page refresh themselves.
/// </summary>
public sealed record ConsoleOptions(string? TraceUrl, double PollSeconds)
{
    public static ConsoleOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Console");
        return new ConsoleOptions(section["TraceUrl"] is { Length: > 0 } url ? url : null, Math.Max(0.5, section.GetValue("PollSeconds", 2.0)));
    }

    public string? TraceLink(string? traceId) =>
        TraceUrl is null || traceId is null ? null : TraceUrl.Replace("{traceId}", traceId, StringComparison.Ordinal);
}
