using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Runwire.Core.Data;

namespace Runwire.Core.Transformations;

/// <summary>Reads and validates one transformation revision in hetida's export format (spec §4.1, §4.2).</summary>
public static partial class TransformationReader
{
    // hetida's NonEmptyValidStr charset (runtime/hetdesrun/models/code.py): word chars, space and , . - ( ) & + = /
    [GeneratedRegex(@"^[\w ,.\-()&+=/]+$")]
    private static partial Regex ValidText();

    public static TransformationRevision Read(ReadOnlySpan<byte> json, string sourceName)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new TransformationImportException(sourceName, [$"not valid JSON: {e.Message}"]);
        }
        return node is JsonObject obj
            ? Read(obj, sourceName)
            : throw new TransformationImportException(sourceName, ["a transformation must be a JSON object"]);
    }

    public static TransformationRevision Read(JsonObject obj, string sourceName)
    {
        var p = new Problems();
        var id = p.Guid(obj, "id");
        var group = p.Guid(obj, "revision_group_id");
        var name = p.Text(obj, "name", maxLength: 60);
        var category = obj["category"] is null ? "Other" : p.Text(obj, "category", maxLength: 60);
        var tag = p.Text(obj, "version_tag", maxLength: 20);
        if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            p.Add("version_tag must not be 'latest'");
        }
        var state = p.Str(obj, "state") switch
        {
            "DRAFT" => TransformationState.Draft,
            "RELEASED" => TransformationState.Released,
            "DISABLED" => TransformationState.Disabled,
            var s => p.Fail<TransformationState>($"state must be DRAFT, RELEASED or DISABLED, not '{s}'"),
        };
        var type = p.Str(obj, "type") switch
        {
            "COMPONENT" => TransformationType.Component,
            "WORKFLOW" => TransformationType.Workflow,
            var s => p.Fail<TransformationType>($"type must be COMPONENT or WORKFLOW, not '{s}'"),
        };
        var released = p.Timestamp(obj, "released_timestamp");
        var disabled = p.Timestamp(obj, "disabled_timestamp");
        if (state == TransformationState.Released && released is null)
        {
            p.Add("released_timestamp is required for a RELEASED revision");
        }
        if (state == TransformationState.Draft && released is not null)
        {
            p.Add("released_timestamp must be null for a DRAFT revision");
        }
        if (state == TransformationState.Disabled)
        {
            released ??= disabled;
            if (disabled is null)
            {
                p.Add("disabled_timestamp is required for a DISABLED revision");
            }
        }
        var io = obj["io_interface"] as JsonObject;
        if (io is null)
        {
            p.Add("io_interface is required");
        }
        var inputs = IoReader.Inputs(io?["inputs"], p, "io_interface.inputs");
        var outputs = IoReader.Outputs(io?["outputs"], p, "io_interface.outputs");
        WorkflowContent? workflow = null;
        if (type == TransformationType.Workflow)
        {
            if (obj["content"] is JsonObject content)
            {
                workflow = WorkflowContentReader.Read(content, p);
                // For workflows the io_interface is re-derived from the content: content wins (spec §4.1).
                inputs = [.. workflow.Inputs.Select(i => new IoInputDefinition(i.Id, i.Name, i.DataType, i.Required, i.Default))];
                outputs = [.. workflow.Outputs.Select(o => new IoOutputDefinition(o.Id, o.Name, o.DataType))];
            }
            else
            {
                p.Add("content of a WORKFLOW must be a workflow object");
            }
        }
        else if (obj["content"] is not JsonValue)
        {
            p.Add("content of a COMPONENT must be a string");
        }
        IoReader.CheckNames(inputs.Select(i => i.Name), "input", state, p);
        IoReader.CheckNames(outputs.Select(o => o.Name), "output", state, p);
        var testWiring = obj["test_wiring"] as JsonObject;
        p.ThrowIfAny(sourceName);
        return new TransformationRevision(id, group, name, category, tag, state, type, released, inputs, outputs, workflow, testWiring, obj);
    }

    /// <summary>Collects problems instead of stopping at the first, so an import error lists them all.</summary>
    internal sealed class Problems
    {
        private readonly List<string> _items = [];

        public void Add(string problem) => _items.Add(problem);

        public T Fail<T>(string problem)
        {
            _items.Add(problem);
            return default!;
        }

        public void ThrowIfAny(string source)
        {
            if (_items.Count > 0)
            {
                throw new TransformationImportException(source, _items);
            }
        }

        public string Str(JsonObject obj, string key) =>
            obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Fail<string>($"{key} must be a string") ?? "";

        public string Text(JsonObject obj, string key, int maxLength)
        {
            var s = Str(obj, key);
            if (s.Length is 0 || s.Length > maxLength || !ValidText().IsMatch(s))
            {
                Add($"{key} '{s}' must be 1 to {maxLength} characters of letters, digits, spaces and , . - ( ) & + = /");
            }
            return s;
        }

        public Guid Guid(JsonObject obj, string key) => Guid(obj[key], key);

        public Guid Guid(JsonNode? node, string what) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) && System.Guid.TryParse(s, out var g)
                ? g
                : Fail<Guid>($"{what} must be a UUID");

        public DateTimeOffset? Timestamp(JsonObject obj, string key)
        {
            if (obj[key] is null)
            {
                return null;
            }
            if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s)
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                return t.ToUniversalTime();
            }
            return Fail<DateTimeOffset?>($"{key} must be an ISO timestamp or null");
        }

        public DataType DataType(JsonNode? node, string what) =>
            Data.DataTypes.FromJson(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            ?? Fail<DataType>($"{what}.data_type must be one of INT, FLOAT, STRING, DATAFRAME, SERIES, MULTITSFRAME, BOOLEAN, ANY, PLOTLYJSON");
    }
}
