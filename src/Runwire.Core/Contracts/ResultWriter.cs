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
    /// <summary>
    /// The deepest JSON a result is written with (System.Text.Json's default, stated). Output values sit two levels
    /// down, and input values are parsed only up to <see cref="ValueParser.MaxDepth"/>, so what parses can be written.
    /// </summary>
    public const int MaxDepth = 1000;

    private static readonly JsonWriterOptions Options = new()
    {
        // Like FastAPI's JSONResponse: UTF-8 as is, no HTML escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
    };

    /// <summary>
    /// The response as UTF-8 bytes; never throws for what the result holds. Whatever fails while encoding it (an output
    /// without a JSON form, one nested deeper than <see cref="MaxDepth"/>, one too large for memory) turns it into
    /// hetida's failure at ENCODING_RESULTS_TO_JSON (<see cref="EncodingFailed"/>): hetida's runtime catches every
    /// exception of its encoder the same way, and every job must get its one answer.
    /// </summary>
    public static byte[] ToUtf8(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            return Encode(result);
        }
        catch (Exception e)
        {
            return Encode(EncodingFailed(result, e));
        }
    }

    /// <summary>
    /// The response as UTF-8 bytes of at most <paramref name="maxBytes"/> (none when zero or less), and the result those
    /// bytes say: the given one, or the failure that replaced it when it was too large or could not be encoded. Writing
    /// stops at the limit, so a result too large costs no more memory than the limit.
    /// </summary>
    public static (ExecutionResult Result, byte[] Utf8) Write(ExecutionResult result, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            return (result, Encode(result, maxBytes));
        }
        catch (ResultTooLargeException)
        {
            var error = Engine.LimitErrors.ResultTooLarge(maxBytes);
            var failed = result with { Error = error, Outputs = [], Traceback = Tracebacks.Of(error) };
            return (failed, Encode(failed));
        }
        catch (Exception e)
        {
            var failed = EncodingFailed(result, e);
            return (failed, Encode(failed));
        }
    }

    /// <summary>The result that answers instead of one that could not be encoded: no outputs, the error at ENCODING_RESULTS_TO_JSON.</summary>
    public static ExecutionResult EncodingFailed(ExecutionResult result, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(exception);
        var (type, message) = exception switch
        {
            ValueEncodeException => ("ValueError", exception.Message),
            OutOfMemoryException => ("MemoryError", "The result is too large to be encoded to JSON."),
            _ => (exception.GetType().Name, exception.Message),
        };
        var error = new ExecutionError(type, message, ProcessStage.ENCODING_RESULTS_TO_JSON);
        return result with { Error = error, Outputs = [], Traceback = Tracebacks.Of(error) };
    }

    private static byte[] Encode(ExecutionResult result, long maxBytes = 0)
    {
        var buffer = new BoundedBufferWriter(maxBytes);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, result);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("error");
        ErrorWriter.Write(writer, result.Error);
        writer.WriteStartObject("output_results_by_output_name");
        foreach (var (name, value) in result.Outputs)
        {
            writer.WritePropertyName(SafeText.Of(name));
            try
            {
                ValueEncoder.Write(writer, value);
            }
            catch (InvalidOperationException) when (writer.CurrentDepth >= MaxDepth)
            {
                // Values built by components can nest deeper than parsed ones; Python's encoder would hit its recursion limit.
                throw new ValueEncodeException($"Output '{name}' is nested deeper than the {MaxDepth} levels of JSON a result can hold.");
            }
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
