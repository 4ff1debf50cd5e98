using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>
/// A bad job record: key, value and headers as a producer sends them, and the failure its one answer must carry.
/// <see cref="DeadLettered"/> records could not be decoded at all (README "What the Kafka transport guarantees").
/// </summary>
internal sealed record BadRecord(string Key, byte[]? Value, string ErrorType, string Stage = BadRecords.Parsing, Headers? Headers = null)
{
    public bool DeadLettered => ErrorType == BadRecords.Decode;

    public override string ToString() => Key.Length > 60 ? Key[..60] + "…" : Key;
}

/// <summary>More than a hundred kinds of bad record, one per way a producer can get the job contract wrong (hetida-spec.md §1, §3.2).</summary>
internal static class BadRecords
{
    public const string Decode = "JobDecodeError";
    public const string Parsing = "PARSING_WORKFLOW";
    private const string NotFound = "TrafoExecutionNotFoundError";
    private const string Mismatch = "TrafoExecutionInputValidationError";
    private const string DataInvalid = "WorkflowInputDataValidationError";
    private const string ParsingData = "PARSING_LOADED_DATA";
    private const string Loading = "LOADING_DATA_FROM_ADAPTERS";
    private const string Int = TestJobs.PassThroughInt;
    private const string Any = TestJobs.PassThroughAny;
    private const string Float = "2f511674-f766-748d-2de3-ad5e62e10a1a";
    private const string Boolean = "8ea34104-2dd1-b4dc-8fd4-ed07bb967060";
    private const string Series = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";
    private const string Frame = "7a1a818f-fa89-6062-1e0e-fc80539bbe0a";
    private const string MultiTs = "78ee6b00-9239-4214-b9bf-a093647f33f5";
    private const string Unknown = "00000000-0000-0000-0000-00000000dead";
    private const string Direct = "\"adapter_id\": \"direct_provisioning\"";
    private const string GoodInput = """{"workflow_input_name": "input", "adapter_id": "direct_provisioning", "filters": {"value": "1"}}""";

    public static IEnumerable<BadRecord> All() =>
        [.. Bytes(), .. Syntax(), .. TopLevelTypes(), .. InputWiringTypes(), .. OutputWiringTypes(), .. Legacy(), .. Lookups(),
         .. Mismatches(), .. Adapters(), .. InlineData(), .. OddHeaders(), .. HugeKeys()];

    private static IEnumerable<BadRecord> Bytes()
    {
        yield return new("empty", [], Decode);
        yield return new("null-value", null, Decode);
        yield return new("whitespace-only", U("  \n\t "), Decode);
        yield return new("not-utf8", [0xff, 0xfe, 0x7b, 0x80, 0x22], Decode);
        yield return new("utf16-json", Encoding.Unicode.GetBytes(TestJobs.ById(1)), Decode);
        yield return new("latin1-in-string", [.. U("""{"id": "caf"""), 0xe9, .. U("\"}")], Decode);
        yield return new("overlong-utf8", [.. U("""{"id": """), 0xc0, 0xa2, .. U("x\"}")], Decode);
        yield return new("nul-bytes", [0, 0, 0, 0], Decode);
        yield return new("gzip-bytes", [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], Decode);
        yield return new("bom-prefixed", [0xef, 0xbb, 0xbf, .. U(TestJobs.ById(1))], Decode);
        yield return new("junk-5mb", U(string.Concat(Enumerable.Repeat("junk! ", 5_000_000 / 6))), Decode);
        yield return new("deeply-nested", U(new string('[', 100_000)), Decode);
    }

    private static IEnumerable<BadRecord> Syntax()
    {
        yield return new("not-json", U("hello kafka"), Decode);
        yield return new("truncated-json", U("""{"id": "57eea09f-d28e"""), Decode);
        yield return new("unterminated-string", U("""{"id": "57eea09f}"""), Decode);
        yield return new("trailing-comma", U($$$$"""{"id": "{{{{Int}}}}",}"""), Decode);
        yield return new("single-quotes", U($$$$"""{'id': '{{{{Int}}}}'}"""), Decode);
        yield return new("unquoted-key", U($$$$"""{id: "{{{{Int}}}}"}"""), Decode);
        yield return new("line-comment", U("{\"id\": \"" + Int + "\" // a job\n}"), Decode);
        yield return new("trailing-garbage", U(TestJobs.ById(1) + " and more"), Decode);
        yield return new("two-objects", U(TestJobs.ById(1) + TestJobs.ById(2)), Decode);
        yield return new("invalid-escape", U("""{"id": "\x57eea09f"}"""), Decode);
        yield return new("raw-control-char", U("{\"id\": \"a\u0001b\"}"), Decode);
        yield return new("unclosed-object", U("{\"id\": \"" + Int + "\", \"wiring\": {\"input_wirings\": ["), Decode);
        yield return new("json-array", U("[]"), Decode);
        yield return new("json-string", U("\"a job\""), Decode);
        yield return new("json-number", U("42"), Decode);
        yield return new("json-null", U("null"), Decode);
        yield return new("json-true", U("true"), Decode);
        yield return new("nan-literal", U("NaN"), Decode);
        yield return new("huge-exponent", U("1e999999"), Decode);
        yield return new("array-of-jobs", U($"[{TestJobs.ById(1)}]"), Decode);
    }

    /// <summary>Every field of <c>ExecByIdInput</c> / <c>ExecLatestByGroupIdInput</c> with a value of the wrong type.</summary>
    private static IEnumerable<BadRecord> TopLevelTypes()
    {
        var wiring = $$$$"""{"input_wirings": [{{{{GoodInput}}}}]}""";
        yield return new("empty-object", U("{}"), Decode);
        yield return new("id-not-uuid", U("""{"id": "not-a-uuid"}"""), Decode);
        yield return new("id-short-uuid", U($$$$"""{"id": "57eea09f-d28e-89af", "wiring": {{wiring}}}"""), Decode);
        yield return new("id-int", U($$$$"""{"id": 5, "wiring": {{wiring}}}"""), Decode);
        yield return new("id-null", U($$$$"""{"id": null, "wiring": {{wiring}}}"""), Decode);
        yield return new("id-array", U($$$$"""{"id": ["{{{{Int}}}}"], "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("id-object", U($$$$"""{"id": {"id": "{{{{Int}}}}"}, "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("id-bool", U($$$$"""{"id": true, "wiring": {{wiring}}}"""), Decode);
        yield return new("wiring-int", U($$$$"""{"id": "{{{{Int}}}}", "wiring": 5}"""), Decode);
        yield return new("wiring-string", U($$$$"""{"id": "{{{{Int}}}}", "wiring": "input=1"}"""), Decode);
        yield return new("wiring-array", U($$$$"""{"id": "{{{{Int}}}}", "wiring": [{{{{GoodInput}}}}]}"""), Decode);
        yield return new("input-wirings-string", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": "x"}}"""), Decode);
        yield return new("input-wirings-object", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": {{{{GoodInput}}}} }}"""), Decode);
        yield return new("input-wirings-null", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": null}}"""), Decode);
        yield return new("input-wirings-of-ints", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [1, 2]}}"""), Decode);
        yield return new("input-wirings-of-strings", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": ["input"]}}"""), Decode);
        yield return new("output-wirings-string", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{GoodInput}}}}], "output_wirings": "output"}}"""), Decode);
        yield return new("dashboard-positionings-wrong", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{GoodInput}}}}], "dashboard_positionings": [{"x": 1}]}}"""), Decode);
        yield return new("plot-flag-word", U($$$$"""{"id": "{{{{Int}}}}", "run_pure_plot_operators": "maybe", "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("plot-flag-two", U($$$$"""{"id": "{{{{Int}}}}", "run_pure_plot_operators": 2, "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("plot-flag-array", U($$$$"""{"id": "{{{{Int}}}}", "run_pure_plot_operators": [true], "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("plot-flag-object", U($$$$"""{"id": "{{{{Int}}}}", "run_pure_plot_operators": {}, "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("job-id-word", U($$$$"""{"id": "{{{{Int}}}}", "job_id": "nope", "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("job-id-int", U($$$$"""{"id": "{{{{Int}}}}", "job_id": 42, "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("job-id-empty", U($$$$"""{"id": "{{{{Int}}}}", "job_id": "", "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("job-id-array", U($$$$"""{"id": "{{{{Int}}}}", "job_id": [], "wiring": {{{{wiring}}}} }"""), Decode);
        yield return new("group-id-not-uuid", U($$$$"""{"revision_group_id": "group", "wiring": {{wiring}}}"""), Decode);
        yield return new("group-id-int", U($$$$"""{"revision_group_id": 7, "wiring": {{wiring}}}"""), Decode);
        yield return new("group-without-wiring", U($$$$"""{"revision_group_id": "{{{{Int}}}}"}"""), Decode);
        yield return new("group-wiring-null", U($$$$"""{"revision_group_id": "{{{{Int}}}}", "wiring": null}"""), Decode);
    }

    /// <summary>Every field of <c>InputWiring</c> wrong, and the rules between them.</summary>
    private static IEnumerable<BadRecord> InputWiringTypes()
    {
        BadRecord Wiring(string key, string inputWiring, string error = Decode) =>
            new(key, U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{inputWiring}}}}]}}"""), error);
        yield return Wiring("input-name-missing", $$$$"""{ {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-int", $$$$"""{"workflow_input_name": 1, {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-null", $$$$"""{"workflow_input_name": null, {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-not-identifier", $$$$"""{"workflow_input_name": "in put", {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-keyword", $$$$"""{"workflow_input_name": "class", {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-empty", $$$$"""{"workflow_input_name": "", {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("input-name-digit-first", $$$$"""{"workflow_input_name": "1input", {{{{Direct}}}}, "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-missing", """{"workflow_input_name": "input", "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-unknown-int", """{"workflow_input_name": "input", "adapter_id": 7, "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-float", """{"workflow_input_name": "input", "adapter_id": 1.0, "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-bool", """{"workflow_input_name": "input", "adapter_id": true, "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-null", """{"workflow_input_name": "input", "adapter_id": null, "filters": {"value": "1"}}""");
        yield return Wiring("adapter-id-array", """{"workflow_input_name": "input", "adapter_id": ["direct_provisioning"], "filters": {"value": "1"}}""");
        yield return Wiring("ref-id-array", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "ref_id": ["a"], "filters": {"value": "1"}}""");
        yield return Wiring("ref-id-type-unknown", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "ref_id_type": "BOGUS", "filters": {"value": "1"}}""");
        yield return Wiring("ref-key-object", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "ref_key": {}, "filters": {"value": "1"}}""");
        yield return Wiring("type-unknown", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "type": "weird(type)", "filters": {"value": "1"}}""");
        yield return Wiring("metadata-without-ref-key", """{"workflow_input_name": "input", "adapter_id": "demo", "ref_id": "a", "type": "metadata(int)"}""");
        yield return Wiring("use-default-word", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "use_default_value": "maybe", "filters": {"value": "1"}}""");
        yield return Wiring("filters-string", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": "value=1"}""");
        yield return Wiring("filters-array", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": [{"value": "1"}]}""");
        yield return Wiring("filter-key-reserved", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": {"value": "1", "from": "x"}}""");
        yield return Wiring("filter-key-invalid", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": {"value": "1", "1x": "y"}}""");
        yield return Wiring("filter-value-object", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": {"value": {"v": 1}}}""");
        yield return Wiring("filter-value-array", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": {"value": [1]}}""");
        yield return Wiring("input-names-duplicate", $"{GoodInput}, {GoodInput}");
    }

    private static IEnumerable<BadRecord> OutputWiringTypes()
    {
        BadRecord Wiring(string key, string outputWiring, string error = Decode) =>
            new(key, U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{GoodInput}}}}], "output_wirings": [{{{{outputWiring}}}}]}}"""), error);
        yield return Wiring("output-name-missing", Direct);
        yield return Wiring("output-name-int", $$$$"""{"workflow_output_name": 3, {{Direct}}}""");
        yield return Wiring("output-adapter-unknown-int", """{"workflow_output_name": "output", "adapter_id": 9}""");
        yield return Wiring("output-adapter-missing", """{"workflow_output_name": "output"}""");
        yield return Wiring("output-filters-array", $$$$"""{"workflow_output_name": "output", {{{{Direct}}}}, "filters": ["x"]}""");
        yield return Wiring("output-names-duplicate", $$$$"""{"workflow_output_name": "output", {{Direct}}}, {"workflow_output_name": "output", {{Direct}}}""");
        yield return Wiring("output-wiring-string", "\"output\"");
    }

    /// <summary>The seed document's 0.5/0.6 payload (hetida-spec.md §1a), wrong in each of its parts.</summary>
    private static IEnumerable<BadRecord> Legacy()
    {
        static string Job(string workflowId = "\"806df1b9-2fc8-4463-943f-3d258c569663\"", string configuration =
                """{"engine": "plain", "name": "806df1b9-2fc8-4463-943f-3d258c569663", "run_pure_plot_operators": false}""",
            string wiring = """{"input_wirings": [], "output_wirings": []}""", string extra = "") =>
            $$$$"""{"workflowId": {{{{workflowId}}}}, "configuration": {{{{configuration}}}}, "workflow_wiring": {{{{wiring}}}}{{{{extra}}}} }""";
        yield return new("legacy-unknown-key", U(Job(extra: ", \"extra\": 1")), Decode);
        yield return new("legacy-workflow-id-word", U(Job(workflowId: "\"rul\"")), Decode);
        yield return new("legacy-configuration-null", U(Job(configuration: "null")), Decode);
        yield return new("legacy-name-not-uuid", U(Job(configuration: """{"engine": "plain", "name": "RUL", "run_pure_plot_operators": false}""")), Decode);
        yield return new("legacy-plot-flag-word", U(Job(configuration: """{"engine": "plain", "name": "806df1b9-2fc8-4463-943f-3d258c569663", "run_pure_plot_operators": "x"}""")), Decode);
        yield return new("legacy-wiring-missing", U("""{"workflowId": "806df1b9-2fc8-4463-943f-3d258c569663", "configuration": {"engine": "plain", "name": "806df1b9-2fc8-4463-943f-3d258c569663"}}"""), Decode);
        yield return new("legacy-input-without-name", U(Job(wiring: """{"input_wirings": [{"adapter_id": "direct_provisioning", "filters": {"value": "1"}}], "output_wirings": []}""")), Decode);
        yield return new("legacy-unknown-workflow", U(Job(workflowId: $"\"{Unknown}\"")), NotFound);
        yield return new("legacy-wiring-incomplete", U(Job()), Mismatch);
    }

    private static IEnumerable<BadRecord> Lookups()
    {
        yield return new("unknown-transformation", U(TestJobs.ById(1).Replace(Int, Unknown, StringComparison.Ordinal)), NotFound);
        yield return new("nil-uuid-transformation", U(TestJobs.ById(1).Replace(Int, Guid.Empty.ToString(), StringComparison.Ordinal)), NotFound);
        yield return new("unknown-group", U(TestJobs.LatestByGroup(1).Replace(Int, "00000000-0000-0000-0000-00000000beef", StringComparison.Ordinal)), "DBNotFoundError");
    }

    /// <summary>Wirings that decode but do not fit the transformation: hetida's wiring rules (spec §1c).</summary>
    private static IEnumerable<BadRecord> Mismatches()
    {
        yield return new("wiring-unknown-input", U(TestJobs.ById(1).Replace("\"input\"", "\"inp\"", StringComparison.Ordinal)), Mismatch);
        yield return new("wiring-incomplete", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": []}}"""), Mismatch);
        yield return new("wiring-extra-input", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{GoodInput}}}}, {"workflow_input_name": "extra", {{{{Direct}}}}, "filters": {"value": "2"}}]}}"""), Mismatch);
        yield return new("wiring-unknown-output", U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{GoodInput}}}}], "output_wirings": [{"workflow_output_name": "result", {{{{Direct}}}} }]}}"""), Mismatch);
        yield return new("workflow-wiring-on-component", U(TestJobs.RulLegacy().Replace(TestJobs.RulWorkflow, Int, StringComparison.Ordinal)), Mismatch);
        yield return new("component-wiring-on-workflow", U(TestJobs.ById(1).Replace(Int, TestJobs.RulWorkflow, StringComparison.Ordinal)), Mismatch);
        yield return new("int-wiring-on-divide", U(TestJobs.ById(1).Replace(Int, "6d510037-229e-8e85-56f3-4a3797fdf315", StringComparison.Ordinal)), Mismatch);
    }

    /// <summary>Wirings whose adapter cannot provide the value (spec §2.4, LOADING_DATA_FROM_ADAPTERS).</summary>
    private static IEnumerable<BadRecord> Adapters()
    {
        BadRecord Wiring(string key, string inputWiring, string error) =>
            new(key, U($$$$"""{"id": "{{{{Int}}}}", "wiring": {"input_wirings": [{{{{inputWiring}}}}]}}"""), error, Loading);
        yield return Wiring("direct-without-value", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}}, "filters": {}}""", "AdapterClientWiringInvalidError");
        yield return Wiring("direct-without-filters", $$$$"""{"workflow_input_name": "input", {{{{Direct}}}} }""", "AdapterClientWiringInvalidError");
        yield return Wiring("adapter-unknown-string", """{"workflow_input_name": "input", "adapter_id": "no-such-adapter", "ref_id": "a", "type": "metadata(int)", "ref_id_type": "SOURCE", "ref_key": "k"}""", "AdapterHandlingException");
        yield return Wiring("adapter-empty-string", """{"workflow_input_name": "input", "adapter_id": "", "ref_id": "a", "type": "metadata(int)", "ref_id_type": "SOURCE", "ref_key": "k"}""", "AdapterHandlingException");
        yield return Wiring("adapter-unknown-no-ref", """{"workflow_input_name": "input", "adapter_id": "no-such-adapter"}""", "AdapterHandlingException");
    }

    /// <summary>
    /// Inline values (direct_provisioning) that do not parse as the input's type (spec §3.2). STRING and ANY take any
    /// text, and SERIES, like hetida's, makes a one-element series of text that is not JSON.
    /// </summary>
    private static IEnumerable<BadRecord> InlineData()
    {
        BadRecord Value(string key, string trafo, string value) => new(key, U(new JsonObject
        {
            ["id"] = trafo,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_input_name"] = "input", ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = value },
                }),
            },
        }.ToJsonString()), DataInvalid, ParsingData);
        yield return Value("int-word", Int, "abc");
        yield return Value("int-decimal", Int, "30.0");
        yield return Value("int-empty", Int, "");
        yield return Value("int-exponent", Int, "1e3");
        yield return Value("float-word", Float, "abc");
        yield return Value("float-empty", Float, "");
        yield return Value("float-comma", Float, "1,5");
        yield return Value("boolean-maybe", Boolean, "maybe");
        yield return Value("boolean-empty", Boolean, "");
        yield return Value("boolean-two", Boolean, "2");
        yield return Value("dataframe-not-json", Frame, "not json");
        yield return Value("dataframe-truncated", Frame, "[{\"a\": 1}");
        yield return Value("multitsframe-no-metric", MultiTs, """{"timestamp": ["2020-01-01T00:00:00Z"], "value": [1]}""");
        yield return Value("multitsframe-naive-timestamp", MultiTs, """{"timestamp": ["2020-01-01T00:00:00"], "metric": ["a"], "value": [1]}""");
        yield return Value("multitsframe-null-metric", MultiTs, """{"timestamp": ["2020-01-01T00:00:00Z"], "metric": [null], "value": [1]}""");
        yield return Value("multitsframe-not-json", MultiTs, "timestamp,metric,value");
    }

    /// <summary>Headers a producer should not send; the job itself is bad too (an unknown transformation), so its answer is a failure.</summary>
    private static IEnumerable<BadRecord> OddHeaders()
    {
        var job = U(TestJobs.ById(1).Replace(Int, Unknown, StringComparison.Ordinal));
        BadRecord With(string key, Headers headers) => new(key, job, NotFound, Headers: headers);
        yield return With("header-traceparent-garbage", new Headers { { "traceparent", U("not a trace") } });
        yield return With("header-traceparent-zeros", new Headers { { "traceparent", U("00-00000000000000000000000000000000-0000000000000000-01") } });
        yield return With("header-traceparent-binary", new Headers { { "traceparent", [0xff, 0x00, 0xfe] } });
        yield return With("header-traceparent-twice", new Headers
        {
            { "traceparent", U("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") }, { "traceparent", U("bad") },
        });
        yield return With("header-tracestate-alone", new Headers { { "tracestate", U("a=b,,,=") } });
        yield return With("header-null-value", new Headers { { "x-null", null } });
        yield return With("header-empty-name", new Headers { { "", U("empty name") } });
        var many = new Headers();
        for (var i = 0; i < 500; i++)
        {
            many.Add($"h{i}", U(new string('v', 100)));
        }
        yield return With("header-500", many);
        yield return With("header-100kb", new Headers { { "big", new byte[100_000] } });
    }

    private static IEnumerable<BadRecord> HugeKeys()
    {
        yield return new("huge-key-100kb-" + new string('k', 100_000), U("not json"), Decode);
        yield return new("huge-key-900kb-" + new string('k', 900_000), U(TestJobs.ById(1).Replace(Int, Unknown, StringComparison.Ordinal)), NotFound);
        yield return new("key-non-ascii-ä€😀", U("{}"), Decode);
    }

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);
}
