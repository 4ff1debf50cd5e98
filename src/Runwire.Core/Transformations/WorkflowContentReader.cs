using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Transformations;

/// <summary>Reads and validates a workflow's content: operators, links, inputs, outputs and constants (spec §4.2).</summary>
internal static class WorkflowContentReader
{
    public static WorkflowContent Read(JsonObject content, TransformationReader.Problems p)
    {
        var operators = new List<Operator>();
        foreach (var (op, i) in Items(content["operators"], p, "content.operators"))
        {
            var where = $"content.operators[{i}]";
            var state = op["state"]?.GetValue<string>();
            if (state is not ("RELEASED" or "DISABLED"))
            {
                p.Add($"{where}: Only released components/workflows can be dragged into a workflow!");
            }
            var opInputs = Items(op["inputs"], p, where + ".inputs").Select(x => new OperatorInput(
                p.Guid(x.Item["id"], where + ".inputs.id"),
                x.Item["name"]?.GetValue<string>() ?? "",
                p.DataType(x.Item["data_type"], where + ".inputs"),
                (x.Item["type"]?.GetValue<string>() ?? "REQUIRED") != "OPTIONAL",
                x.Item["exposed"]?.GetValue<bool>() ?? true)).ToList();
            var opOutputs = Items(op["outputs"], p, where + ".outputs").Select(x => new IoOutputDefinition(
                p.Guid(x.Item["id"], where + ".outputs.id"),
                x.Item["name"]?.GetValue<string>(),
                p.DataType(x.Item["data_type"], where + ".outputs"))).ToList();
            operators.Add(new Operator(
                p.Guid(op["id"], where + ".id"),
                op["name"]?.GetValue<string>() ?? "",
                p.Guid(op["transformation_id"], where + ".transformation_id"),
                op["type"]?.GetValue<string>() == "WORKFLOW" ? TransformationType.Workflow : TransformationType.Component,
                opInputs,
                opOutputs));
        }
        var byId = operators.GroupBy(o => o.Id).ToDictionary(g => g.Key, g => g.First());
        if (byId.Count != operators.Count)
        {
            p.Add("content.operators: operator ids must be unique");
        }
        var links = ReadLinks(content, byId, p);
        var inputs = Items(content["inputs"], p, "content.inputs").Select(x => new WorkflowInput(
            p.Guid(x.Item["id"], "content.inputs.id"),
            x.Item["name"]?.GetValue<string>(),
            p.DataType(x.Item["data_type"], "content.inputs"),
            (x.Item["type"]?.GetValue<string>() ?? "REQUIRED") != "OPTIONAL",
            x.Item["value"]?.DeepClone(),
            p.Guid(x.Item["operator_id"], "content.inputs.operator_id"),
            x.Item["connector_name"]?.GetValue<string>() ?? "")).ToList();
        var outputs = Items(content["outputs"], p, "content.outputs").Select(x => new WorkflowOutput(
            p.Guid(x.Item["id"], "content.outputs.id"),
            x.Item["name"]?.GetValue<string>(),
            p.DataType(x.Item["data_type"], "content.outputs"),
            p.Guid(x.Item["operator_id"], "content.outputs.operator_id"),
            x.Item["connector_name"]?.GetValue<string>() ?? "")).ToList();
        var constants = Items(content["constants"], p, "content.constants").Select(x => new WorkflowConstant(
            p.Guid(x.Item["id"], "content.constants.id"),
            p.DataType(x.Item["data_type"], "content.constants"),
            ConstantText(x.Item["value"]),
            p.Guid(x.Item["operator_id"], "content.constants.operator_id"),
            x.Item["connector_name"]?.GetValue<string>() ?? "")).ToList();
        foreach (var (opId, connector, what) in inputs.Select(i => (i.OperatorId, i.ConnectorName, "input"))
                     .Concat(constants.Select(c => (c.OperatorId, c.ConnectorName, "constant"))))
        {
            if (!byId.TryGetValue(opId, out var op) || op.Inputs.All(x => x.Name != connector))
            {
                p.Add($"workflow {what} refers to a missing operator input {opId}/{connector}");
            }
        }
        foreach (var o in outputs)
        {
            if (!byId.TryGetValue(o.OperatorId, out var op) || op.Outputs.All(x => x.Name != o.ConnectorName))
            {
                p.Add($"workflow output '{o.Name}' refers to a missing operator output {o.OperatorId}/{o.ConnectorName}");
            }
        }
        return new WorkflowContent(operators, links, inputs, outputs, constants);
    }

    // Constants are stored as strings; tolerate other JSON scalars by using their JSON text.
    private static string ConstantText(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    private static List<Link> ReadLinks(JsonObject content, Dictionary<Guid, Operator> byId, TransformationReader.Problems p)
    {
        var links = new List<Link>();
        var fedInputs = new HashSet<(Guid, string)>();
        foreach (var (link, i) in Items(content["links"], p, "content.links"))
        {
            var start = link["start"] as JsonObject;
            var end = link["end"] as JsonObject;
            var startOp = start?["operator"]?.GetValue<string>();
            var endOp = end?["operator"]?.GetValue<string>();
            if (startOp is null || endOp is null)
            {
                // border links (workflow inputs, constants, outputs) are described by content.inputs/outputs/constants
                continue;
            }
            var s = p.Guid(start!["operator"], $"content.links[{i}].start.operator");
            var e = p.Guid(end!["operator"], $"content.links[{i}].end.operator");
            var sName = start["connector"]?["name"]?.GetValue<string>() ?? "";
            var eName = end["connector"]?["name"]?.GetValue<string>() ?? "";
            if (s == e)
            {
                p.Add($"content.links[{i}]: a link must connect two different operators");
                continue;
            }
            if (!byId.TryGetValue(s, out var from) || !byId.TryGetValue(e, out var to))
            {
                p.Add($"content.links[{i}]: refers to an operator that is not in the workflow");
                continue;
            }
            var outType = from.Outputs.FirstOrDefault(o => o.Name == sName)?.DataType;
            var inType = to.Inputs.FirstOrDefault(x => x.Name == eName)?.DataType;
            if (outType is null || inType is null)
            {
                p.Add($"content.links[{i}]: connector '{sName}' or '{eName}' does not exist on its operator");
                continue;
            }
            if (outType != inType && outType != DataType.Any && inType != DataType.Any)
            {
                p.Add($"content.links[{i}]: data types {outType.Value.ToJson()} and {inType.Value.ToJson()} do not match");
            }
            if (!fedInputs.Add((e, eName)))
            {
                p.Add($"content.links[{i}]: input '{eName}' of operator '{to.Name}' has more than one incoming link");
            }
            links.Add(new Link(s, sName, e, eName));
        }
        if (HasCycle(byId.Keys, links))
        {
            p.Add("Links may not form any loop!");
        }
        return links;
    }

    // Kahn's algorithm, as hetida validates links.
    private static bool HasCycle(IEnumerable<Guid> nodes, List<Link> links)
    {
        var indegree = nodes.ToDictionary(n => n, _ => 0);
        foreach (var l in links)
        {
            indegree[l.EndOperator]++;
        }
        var queue = new Queue<Guid>(indegree.Where(kv => kv.Value == 0).Select(kv => kv.Key));
        var seen = 0;
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            seen++;
            foreach (var l in links.Where(l => l.StartOperator == n))
            {
                if (--indegree[l.EndOperator] == 0)
                {
                    queue.Enqueue(l.EndOperator);
                }
            }
        }
        return seen != indegree.Count;
    }

    private static IEnumerable<(JsonObject Item, int Index)> Items(JsonNode? node, TransformationReader.Problems p, string where)
    {
        if (node is null)
        {
            yield break;
        }
        if (node is not JsonArray array)
        {
            p.Add($"{where} must be a list");
            yield break;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o)
            {
                yield return (o, i);
            }
            else
            {
                p.Add($"{where}[{i}] must be an object");
            }
        }
    }
}
