using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Ingest.Execution;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>What an activity's code runs in when daprd handed it the job's trace, another one, or none.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class JobStepTests
{
    [Fact]
    public void NoCurrentActivity_RunsInTheJobsTrace_AndLeavesNoneBehind()
    {
        var (traceparent, traceId, spanId) = Traces.New();
        Activity.Current = null;

        using (JobStep.Begin(NullLogger.Instance, "SomeActivity", new JobTrace("j", null, traceparent)))
        {
            Assert.Equal(traceId, Activity.Current?.TraceId.ToHexString());
            Assert.Equal(spanId, Activity.Current?.ParentSpanId.ToHexString());
        }

        Assert.Null(Activity.Current);
    }

    [Fact]
    public void CurrentActivityOfAnotherTrace_RunsInTheJobsTrace_AndRestoresTheOther()
    {
        var (traceparent, traceId, _) = Traces.New();
        using var other = new Activity("daprd's other trace").Start();

        using (JobStep.Begin(NullLogger.Instance, "SomeActivity", new JobTrace("j", null, traceparent)))
        {
            Assert.Equal(traceId, Activity.Current?.TraceId.ToHexString());
        }

        Assert.Same(other, Activity.Current);
    }

    [Fact]
    public void CurrentActivityInTheJobsTrace_IsKept()
    {
        var (traceparent, _, _) = Traces.New();
        using var restored = new Activity("WorkflowActivity SomeActivity").SetParentId(traceparent).Start();

        using (JobStep.Begin(NullLogger.Instance, "SomeActivity", new JobTrace("j", null, traceparent)))
        {
            Assert.Same(restored, Activity.Current);
        }
    }
}
