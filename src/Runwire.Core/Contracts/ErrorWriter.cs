using System.Text.Json;

namespace Runwire.Core.Contracts;

/// <summary>The <c>error</c> object (hetida's <c>WorkflowExecutionError</c>, spec §2.3) in hetida's key order.</summary>
internal static class ErrorWriter
{
    public static void Write(Utf8JsonWriter writer, ExecutionError? error)
    {
        if (error is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("type", SafeText.Of(error.Type));
        writer.WritePropertyName("error_code");
        switch (error.ErrorCode)
        {
            case null:
                writer.WriteNullValue();
                break;
            case int or long:
                writer.WriteNumberValue(Convert.ToInt64(error.ErrorCode, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(SafeText.Of(Convert.ToString(error.ErrorCode, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                break;
        }
        writer.WriteString("message", SafeText.Of(error.Message));
        writer.WritePropertyName("extra_information");
        if (error.ExtraInformation is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            error.ExtraInformation.WriteTo(writer);
        }
        writer.WriteString("process_stage", error.ProcessStage.ToString());
        WriteOperatorInfo(writer, error.OperatorInfo);
        WriteLocation(writer, error.Location);
        writer.WriteEndObject();
    }

    private static void WriteOperatorInfo(Utf8JsonWriter writer, OperatorInfo? info)
    {
        if (info is null)
        {
            writer.WriteNull("operator_info");
            return;
        }
        writer.WriteStartObject("operator_info");
        writer.WriteStartObject("transformation_info");
        writer.WriteString("id", SafeText.Of(info.TransformationInfo.Id));
        writer.WriteString("name", SafeText.Of(info.TransformationInfo.Name));
        writer.WriteString("tag", SafeText.Of(info.TransformationInfo.Tag));
        writer.WriteString("type", SafeText.Of(info.TransformationInfo.Type));
        writer.WriteEndObject();
        writer.WriteStartObject("hierarchy_in_workflow");
        writer.WriteStartArray("by_name");
        foreach (var name in info.HierarchyByName)
        {
            writer.WriteStringValue(SafeText.Of(name));
        }
        writer.WriteEndArray();
        writer.WriteStartArray("by_id");
        foreach (var id in info.HierarchyById)
        {
            writer.WriteStringValue(SafeText.Of(id));
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, ErrorLocation? location)
    {
        if (location is null)
        {
            writer.WriteNull("location");
            return;
        }
        writer.WriteStartObject("location");
        writer.WriteString("file", SafeText.Of(location.File));
        writer.WriteString("function_name", SafeText.Of(location.FunctionName));
        writer.WriteNumber("line_number", location.LineNumber);
        writer.WriteEndObject();
    }
}
