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
}
