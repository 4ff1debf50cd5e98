using Microsoft.Extensions.Configuration;

namespace Runwire.ServiceDefaults;

/// <summary>
/// Section <c>Telemetry</c>: which exporters get traces, metrics and logs. Tracing is off unless an exporter is
/// named (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, which means <c>otlp</c>); then no span is even created.
/// Metrics are on with the Prometheus scrape endpoint <c>/metrics</c>.
/// </summary>
public sealed record TelemetryOptions(
    IReadOnlySet<string> TraceExporters,
    IReadOnlySet<string> MetricExporters,
    IReadOnlySet<string> LogExporters,
    bool TracingForced,
    double SamplingRatio,
    Uri ZipkinEndpoint,
    string PrometheusPath)
{
    public const string Otlp = "otlp";
    public const string Zipkin = "zipkin";
    public const string Console = "console";
    public const string Prometheus = "prometheus";

    private static readonly string[] TraceChoices = [Otlp, Zipkin, Console];
    private static readonly string[] MetricChoices = [Prometheus, Otlp, Console];
    private static readonly string[] LogChoices = [Otlp];

    /// <summary>True when spans are created at all: an exporter is configured, or a test listens in memory.</summary>
    public bool Tracing => TracingForced || TraceExporters.Count > 0;

    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Telemetry");
        var otlpEndpoint = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var traces = Choose(section, "Traces:Exporters", TraceChoices, otlpEndpoint ? [Otlp] : []);
        var metrics = Choose(section, "Metrics:Exporters", MetricChoices, [Prometheus]);
        var logs = Choose(section, "Logs:Exporters", LogChoices, otlpEndpoint ? [Otlp] : []);
        var ratio = section.GetValue("Traces:SamplingRatio", 1.0);
        if (ratio is < 0 or > 1 || double.IsNaN(ratio))
        {
            throw new InvalidOperationException($"Telemetry:Traces:SamplingRatio must be between 0 and 1, not {ratio}.");
        }
        var zipkin = section["Zipkin:Endpoint"] ?? configuration["OTEL_EXPORTER_ZIPKIN_ENDPOINT"] ?? "http://localhost:9411/api/v2/spans";
        if (!Uri.TryCreate(zipkin, UriKind.Absolute, out var zipkinUri))
        {
            throw new InvalidOperationException($"Telemetry:Zipkin:Endpoint '{zipkin}' is not an absolute URL.");
        }
        var path = section["Metrics:PrometheusPath"] ?? "/metrics";
        return new TelemetryOptions(traces, metrics, logs, section.GetValue("Traces:Enabled", false), ratio, zipkinUri,
            path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>A comma list (or an indexed list) of exporter names; "none" is the empty list. Unknown names are an error.</summary>
    private static HashSet<string> Choose(IConfigurationSection section, string key, string[] choices, string[] fallback)
    {
        var child = section.GetSection(key);
        var names = child.Value is { } value
            ? value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. child.GetChildren().Select(c => c.Value ?? "")];
        if (!child.Exists())
        {
            names = fallback;
        }
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0 && n != "none"))
        {
            if (!choices.Contains(name))
            {
                throw new InvalidOperationException(
                    $"Telemetry:{key} names the unknown exporter '{name}'; choose from {string.Join(", ", choices)} or none.");
            }
            chosen.Add(name);
        }
        return chosen;
    }
}
