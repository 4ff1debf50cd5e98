using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Contracts;

/// <summary>
/// Writes the execution response exactly as hetida's <c>ExecutionResponseFrontendDto</c> (spec §2.1-2.3): same key
/// order, Python's datetime and float forms, compact UTF-8 JSON.
/// </summary>
public static class ResultWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Like FastAPI's JSONResponse: UTF-8 as is, no HTML escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The response as UTF-8 bytes. Throws <see cref="ValueEncodeException"/> when an output value has no JSON form.</summary>
    public static byte[] ToUtf8(ExecutionResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, result);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WritePropertyName("error");
        ErrorWriter.Write(writer, result.Error);
        writer.WriteStartObject("output_results_by_output_name");
        foreach (var (name, value) in result.Outputs)
        {
            writer.WritePropertyName(SafeText.Of(name));
            ValueEncoder.Write(writer, value);
        }
        writer.WriteEndObject();
        WriteString(writer, "traceback", result.Traceback);
        writer.WriteString("job_id", result.JobId.ToString("D"));
        WriteSteps(writer, result.MeasuredSteps);
        writer.WriteString("result", result.Ok ? "ok" : "failure");
        writer.WriteStartObject("output_types_by_output_name");
        foreach (var (name, type) in result.OutputTypes)
        {
            writer.WriteString(SafeText.Of(name), type.ToJson());
        }
        writer.WriteEndObject();
        writer.WritePropertyName("process_id");
        if (result.ProcessId is { } pid)
        {
            writer.WriteNumberValue(pid);
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }

    internal static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, SafeText.Of(value));
        }
    }

    private static void WriteSteps(Utf8JsonWriter writer, MeasuredSteps steps)
    {
        writer.WriteStartObject("measured_steps");
        WriteStep(writer, "internal_full", steps.InternalFull);
        WriteStep(writer, "prepare_execution_input", steps.PrepareExecutionInput);
        WriteStep(writer, "run_execution_input", steps.RunExecutionInput);
        WriteStep(writer, "runtime_service_handling", steps.RuntimeServiceHandling);
        WriteStep(writer, "pure_execution", steps.PureExecution);
        WriteStep(writer, "load_data", steps.LoadData);
        WriteStep(writer, "send_data", steps.SendData);
        writer.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter writer, string key, MeasuredStep? step)
    {
        if (step is null)
        {
            writer.WriteNull(key);
            return;
        }
        // Python datetimes have microsecond resolution; the duration is taken from the truncated values, as timedelta is.
        var start = Micros(step.Start);
        var end = Micros(step.End);
        writer.WriteStartObject(key);
        writer.WriteString("name", SafeText.Of(step.Name));
        writer.WriteString("start", PyFormat.IsoFormat(new DateTime(start * 10, DateTimeKind.Utc)));
        writer.WriteString("end", PyFormat.IsoFormat(new DateTime(end * 10, DateTimeKind.Utc)));
        writer.WritePropertyName("duration");
        writer.WriteRawValue(PyFormat.Repr((end - start) / 1e6));
        writer.WriteEndObject();
    }

    private static long Micros(DateTimeOffset value) => value.UtcTicks / 10;
}
