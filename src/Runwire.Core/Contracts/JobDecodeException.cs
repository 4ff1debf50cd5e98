namespace Runwire.Core.Contracts;

/// <summary>
/// A job payload that is not UTF-8, not JSON, or not a valid job. <see cref="Exception.Message"/> is a one-line
/// summary; <see cref="Errors"/> lists every error in pydantic's shape.
/// </summary>
public sealed class JobDecodeException : Exception
{
    public JobDecodeException(string model, IReadOnlyList<DecodeError> errors, Guid? jobIdHint = null)
        : base(Summarize(model, errors))
    {
        Model = model;
        Errors = errors;
        JobIdHint = jobIdHint;
    }

    /// <summary>A job that could not be read at all (a missing file, an unreadable record, a decoder that failed).</summary>
    public static JobDecodeException Unreadable(string message) => new("job", [new DecodeError([], message, "value_error.unreadable")]);

    /// <summary>The model the payload was validated against, e.g. <c>ExecByIdInput</c>.</summary>
    public string Model { get; }

    public IReadOnlyList<DecodeError> Errors { get; }

    /// <summary>The sender's <c>job_id</c>, when one could be read from the failed payload; lets the failure answer carry it.</summary>
    public Guid? JobIdHint { get; }

    /// <summary>pydantic's <c>str(ValidationError)</c> text: "N validation error(s) for Model", then loc and "  msg (type=...)" lines.</summary>
    public string ToPydanticText() => PydanticText(Model, Errors);

    internal static string PydanticText(string model, IReadOnlyList<DecodeError> errors)
    {
        var lines = new List<string> { $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for {model}" };
        foreach (var error in errors)
        {
            lines.Add(error.LocText);
            lines.Add($"  {error.Msg} (type={error.Type})");
        }
        return string.Join('\n', lines);
    }

    private static string Summarize(string model, IReadOnlyList<DecodeError> errors)
    {
        if (errors.Count == 0)
        {
            return $"Invalid {model}.";
        }
        var first = errors[0];
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more error{(errors.Count == 2 ? "" : "s")})" : "";
        // One line: a message may echo user input that contains line breaks.
        var msg = first.Msg.ReplaceLineEndings(" ");
        return $"Invalid {model}: {first.LocText}: {msg} [{first.Type}]{more}";
    }
}
