using System.Diagnostics;
using OpenTelemetry;

namespace Runwire.Benchmarks;

/// <summary>An exporter that accepts every batch and keeps nothing: the SDK's batching without any serialization.</summary>
internal sealed class DiscardingExporter : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch) => ExportResult.Success;
}
