namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>
/// Listeners on ActivitySources and Meters are process-wide: a tracer provider in one test host records the spans of
/// every host in the process, and a meter listener every measurement. These tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
