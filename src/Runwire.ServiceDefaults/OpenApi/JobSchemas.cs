using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runwire.ServiceDefaults.OpenApi;

// The JSON of hetida's job and result formats (docs/http-api.md), for the OpenAPI documents only: the engine decodes
// and writes these formats itself (Runwire.Core.Contracts), with hetida's validation rules. The types end in "Schema";
// the documents name them without it, as hetida does (ExecByIdInput, InputWiring, ...).

[Description("hetida's ExecByIdInput: run the transformation revision with this id.")]
public sealed record ExecByIdInputSchema(
    [property: JsonPropertyName("id"), Required, Description("Transformation revision id.")] Guid Id,
    [property: JsonPropertyName("wiring"), Required] WorkflowWiringSchema Wiring,
    [property: JsonPropertyName("run_pure_plot_operators"), Description("Run plot components (off by default, as in hetida).")] bool RunPurePlotOperators = false,
    [property: JsonPropertyName("job_id"), Description("Your id for the job; a new one is made when it is missing.")] Guid? JobId = null);

[Description("hetida's ExecLatestByGroupIdInput: run the latest released revision of this revision group.")]
public sealed record ExecLatestByGroupIdInputSchema(
    [property: JsonPropertyName("revision_group_id"), Required] Guid RevisionGroupId,
    [property: JsonPropertyName("wiring"), Required] WorkflowWiringSchema Wiring,
    [property: JsonPropertyName("run_pure_plot_operators")] bool RunPurePlotOperators = false,
    [property: JsonPropertyName("job_id")] Guid? JobId = null);

[Description("Where each workflow input comes from and where each output goes.")]
public sealed record WorkflowWiringSchema(
    [property: JsonPropertyName("input_wirings")] IReadOnlyList<InputWiringSchema> InputWirings,
    [property: JsonPropertyName("output_wirings")] IReadOnlyList<OutputWiringSchema> OutputWirings);

[Description("hetida's InputWiring. With adapter_id direct_provisioning (or 1) the value is filters.value, as JSON text.")]
public sealed record InputWiringSchema(
    [property: JsonPropertyName("workflow_input_name"), Required] string WorkflowInputName,
    [property: JsonPropertyName("adapter_id"), Description("An adapter key (string) or the integer 1; direct_provisioning when missing.")] JsonElement? AdapterId,
    [property: JsonPropertyName("ref_id")] string? RefId = null,
    [property: JsonPropertyName("ref_id_type"), Description("THINGNODE, SOURCE or SINK (metadata wirings).")] string? RefIdType = null,
    [property: JsonPropertyName("ref_key")] string? RefKey = null,
    [property: JsonPropertyName("type"), Description("hetida's ExternalType, e.g. timeseries(float), dataframe, metadata(int).")] string? Type = null,
    [property: JsonPropertyName("filters")] IReadOnlyDictionary<string, string>? Filters = null,
    [property: JsonPropertyName("use_default_value")] bool UseDefaultValue = false);

[Description("hetida's OutputWiring. Outputs without a wiring come back in the result.")]
public sealed record OutputWiringSchema(
    [property: JsonPropertyName("workflow_output_name"), Required] string WorkflowOutputName,
    [property: JsonPropertyName("adapter_id")] JsonElement AdapterId,
    [property: JsonPropertyName("ref_id")] string? RefId = null,
    [property: JsonPropertyName("ref_id_type")] string? RefIdType = null,
    [property: JsonPropertyName("ref_key")] string? RefKey = null,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("filters")] IReadOnlyDictionary<string, string>? Filters = null);

[Description("The wiring of hetida's web form endpoints, in camelCase.")]
public sealed record WebFormWiringSchema(
    [property: JsonPropertyName("inputWirings")] IReadOnlyList<WebFormInputWiringSchema> InputWirings,
    [property: JsonPropertyName("outputWirings")] IReadOnlyList<WebFormOutputWiringSchema> OutputWirings);

public sealed record WebFormInputWiringSchema(
    [property: JsonPropertyName("workflowInputName"), Required] string WorkflowInputName,
    [property: JsonPropertyName("adapterId")] JsonElement AdapterId,
    [property: JsonPropertyName("refId")] string? RefId = null,
    [property: JsonPropertyName("refIdType")] string? RefIdType = null,
    [property: JsonPropertyName("refKey")] string? RefKey = null,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("filters")] IReadOnlyDictionary<string, string>? Filters = null);

public sealed record WebFormOutputWiringSchema(
    [property: JsonPropertyName("workflowOutputName"), Required] string WorkflowOutputName,
    [property: JsonPropertyName("adapterId")] JsonElement AdapterId,
    [property: JsonPropertyName("refId")] string? RefId = null,
    [property: JsonPropertyName("refIdType")] string? RefIdType = null,
    [property: JsonPropertyName("refKey")] string? RefKey = null,
    [property: JsonPropertyName("type")] string? Type = null);

[Description("hetida's ExecutionResponseFrontendDto: the result of one job, the same over HTTP and Kafka.")]
public sealed record ExecutionResponseSchema(
    [property: JsonPropertyName("error"), Description("Null when result is ok.")] ExecutionErrorSchema? Error,
    [property: JsonPropertyName("output_results_by_output_name"), Description("Each unwired output's value in the JSON of its data type.")] IReadOnlyDictionary<string, JsonElement> OutputResultsByOutputName,
    [property: JsonPropertyName("traceback")] string? Traceback,
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("measured_steps")] IReadOnlyDictionary<string, MeasuredStepSchema> MeasuredSteps,
    [property: JsonPropertyName("result"), Description("ok or failure.")] string Result,
    [property: JsonPropertyName("output_types_by_output_name"), Description("SERIES, DATAFRAME, MULTITSFRAME, INT, FLOAT, STRING, BOOLEAN, ANY or PLOTLYJSON.")] IReadOnlyDictionary<string, string> OutputTypesByOutputName,
    [property: JsonPropertyName("process_id")] int? ProcessId);

[Description("Why a job failed, in hetida's terms.")]
public sealed record ExecutionErrorSchema(
    [property: JsonPropertyName("type"), Description("The error's type, e.g. ComponentException, JobTimeoutError.")] string Type,
    [property: JsonPropertyName("error_code")] JsonElement? ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("extra_information")] JsonElement? ExtraInformation,
    [property: JsonPropertyName("process_stage"), Description("e.g. PARSING_WORKFLOW, LOADING_DATA_FROM_ADAPTERS, EXECUTING_COMPONENT_CODE.")] string? ProcessStage,
    [property: JsonPropertyName("operator_info"), Description("The operator and its hierarchy in the workflow.")] JsonElement? OperatorInfo,
    [property: JsonPropertyName("location")] JsonElement? Location);

public sealed record MeasuredStepSchema(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("start")] DateTimeOffset? Start,
    [property: JsonPropertyName("end")] DateTimeOffset? End,
    [property: JsonPropertyName("duration"), Description("Seconds.")] double? Duration);

[Description("hetida's error body: a message in detail.")]
public sealed record DetailSchema([property: JsonPropertyName("detail")] string Detail);

[Description("hetida's 422 body: the list of validation errors in detail.")]
public sealed record ValidationDetailSchema([property: JsonPropertyName("detail")] IReadOnlyList<ValidationErrorSchema> Detail);

public sealed record ValidationErrorSchema(
    [property: JsonPropertyName("loc"), Description("Where in the body: keys and list positions.")] IReadOnlyList<JsonElement> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("type")] string Type);

[Description("A transformation revision in hetida's export format (component or workflow).")]
public sealed record TransformationRevisionSchema(
    [property: JsonPropertyName("id"), Required] Guid Id,
    [property: JsonPropertyName("revision_group_id"), Required] Guid RevisionGroupId,
    [property: JsonPropertyName("name"), Required] string Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("version_tag")] string? VersionTag,
    [property: JsonPropertyName("released_timestamp")] DateTimeOffset? ReleasedTimestamp,
    [property: JsonPropertyName("disabled_timestamp")] DateTimeOffset? DisabledTimestamp,
    [property: JsonPropertyName("state"), Description("DRAFT, RELEASED or DISABLED.")] string State,
    [property: JsonPropertyName("type"), Description("COMPONENT or WORKFLOW.")] string Type,
    [property: JsonPropertyName("documentation")] string? Documentation,
    [property: JsonPropertyName("content"), Description("Python code (component) or the workflow graph.")] JsonElement Content,
    [property: JsonPropertyName("io_interface")] JsonElement IoInterface,
    [property: JsonPropertyName("test_wiring")] WorkflowWiringSchema? TestWiring);

[Description("Refusals of an import of several revisions: one text per refused revision.")]
public sealed record DetailListSchema([property: JsonPropertyName("detail")] IReadOnlyList<string> Detail);

[Description("The ids of the imported revisions.")]
public sealed record ImportedSchema([property: JsonPropertyName("imported")] IReadOnlyList<Guid> Imported);

[Description("A job taken: its id and status; GET /jobs/{id} gives its result once done.")]
public sealed record JobAcceptedSchema(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("status"), Description("queued, running or done.")] string Status);

[Description("A job's status and, once done, its result.")]
public sealed record JobStatusSchema(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("status"), Description("queued, running or done (ingest: also failed, the workflow's own failure).")] string Status,
    [property: JsonPropertyName("result")] ExecutionResponseSchema? Result);

[Description("A page of GET /jobs: the jobs held, newest first, and what the filters match.")]
public sealed record JobListSchema(
    [property: JsonPropertyName("jobs")] IReadOnlyList<JobSummarySchema> Jobs,
    [property: JsonPropertyName("next_before"), Description("Pass as before for the next (older) page; null at the end.")] long? NextBefore,
    [property: JsonPropertyName("held"), Description("Jobs held, queued to finished.")] int Held,
    [property: JsonPropertyName("matching"), Description("Jobs the filters match, where known without a scan; else null.")] int? Matching,
    [property: JsonPropertyName("by_status"), Description("Jobs held per status: queued, running, succeeded, failed.")] IReadOnlyDictionary<string, int> ByStatus);

[Description("One job of GET /jobs.")]
public sealed record JobSummarySchema(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("sequence"), Description("Order of arrival on this host; newer jobs have larger numbers.")] long Sequence,
    [property: JsonPropertyName("status"), Description("queued, running, succeeded or failed.")] string Status,
    [property: JsonPropertyName("transport"), Description("http or kafka.")] string Transport,
    [property: JsonPropertyName("transformation_id")] Guid? TransformationId,
    [property: JsonPropertyName("transformation_name")] string? TransformationName,
    [property: JsonPropertyName("kafka_key")] string? KafkaKey,
    [property: JsonPropertyName("kafka_record"), Description("topic [partition] @offset of a Kafka job's record.")] string? KafkaRecord,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("duration_seconds"), Description("From arrival to answer; null until finished.")] double? DurationSeconds,
    [property: JsonPropertyName("result"), Description("ok or failure once finished.")] string? Result,
    [property: JsonPropertyName("error_type")] string? ErrorType,
    [property: JsonPropertyName("process_stage")] string? ProcessStage,
    [property: JsonPropertyName("trace_id")] string? TraceId);
