using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Runwire.Core.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> every Runwire process reports through (name
/// <c>Runwire</c>). Both cost next to nothing until an OpenTelemetry provider listens: a span is only created,
/// and a measurement only taken, when tracing or metrics are switched on.
/// </summary>
public static class RunwireTelemetry
{
    public const string Name = "Runwire";

    public static readonly ActivitySource Source = new(Name, typeof(RunwireTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(RunwireTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span (null when nobody listens) under the current one.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>Marks a span as the place a job failed: status Error, <c>error.type</c> (hetida's type) and the stage.</summary>
    public static void Fail(this Activity? activity, string errorType, string? stage = null)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error, errorType);
        activity.SetTag(Tags.ErrorType, errorType);
        if (stage is not null)
        {
            activity.SetTag(Tags.ProcessStage, stage);
        }
    }

    /// <summary>Span names: low cardinality, the variable part is a component or adapter name, never a value.</summary>
    public static class Spans
    {
        public const string Decode = "decode";
        public const string Validate = "validate";
        public const string Load = "load";
        public const string Send = "send";
        public const string Component = "component";
        public const string Publish = "publish";
        public const string Job = "job";
    }

    /// <summary>Attribute names. None of them ever carries a data value of a job.</summary>
    public static class Tags
    {
        public const string JobId = "runwire.job.id";
        public const string Transport = "runwire.transport";
        public const string TransformationId = "runwire.transformation.id";
        public const string TransformationName = "runwire.transformation.name";
        public const string ComponentName = "runwire.component.name";
        public const string ComponentId = "runwire.component.id";
        public const string OperatorId = "runwire.operator.id";
        public const string AdapterId = "runwire.adapter.id";
        public const string Inputs = "runwire.adapter.inputs";
        public const string Outputs = "runwire.adapter.outputs";
        public const string ProcessStage = "runwire.process_stage";
        public const string Step = "runwire.step";
        public const string Outcome = "runwire.outcome";
        public const string ErrorType = "error.type";
        public const string MessagingSystem = "messaging.system";
        public const string MessagingOperation = "messaging.operation.type";
        public const string MessagingDestination = "messaging.destination.name";
        public const string MessagingPartition = "messaging.destination.partition.id";
        public const string KafkaKey = "messaging.kafka.message.key";
        public const string KafkaOffset = "messaging.kafka.offset";
        public const string KafkaGroup = "messaging.consumer.group.name";
    }

    /// <summary>Values of <see cref="Tags.Transport"/>: how a job reached Runwire.</summary>
    public static class Transports
    {
        public const string Kafka = "kafka";
        public const string Http = "http";
        public const string Dapr = "dapr";

        /// <summary>Data messages of the Kafka adapter's consumption mode, each run by the fixed transformation.</summary>
        public const string KafkaConsume = "kafka-consume";
    }
}
