namespace Runwire.ServiceDefaults;

/// <summary>Every Dapr app id, component and topic name, matching <c>metadata.name</c> in components/ and k8s/dapr/.</summary>
public static class DaprNames
{
    public const string Ingest = "ingest";
    public const string Executor = "executor";
    public const string Adapters = "adapters";
    public const string PubSub = "jobs-pubsub";
    public const string JobsTopic = "designer_initialize_job";
    public const string ResultsTopic = "designer_job_result";

    /// <summary>Where daprd republishes job records ingest answered with DROP (undecodable bytes) or gave up on.</summary>
    public const string DeadLetterTopic = "designer_initialize_job_dead_letter";

    /// <summary>The actor state store the workflow engine needs; ingest also keeps large workflow values in it.</summary>
    public const string StateStore = "workflow-state";
}
