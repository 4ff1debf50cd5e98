using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Runwire.Core.Contracts;

namespace Runwire.Core.Tests.Contracts;

public sealed class DecoderProperties
{
    // JSON-ish fragments, so random inputs also reach the validators and not only the tokenizer.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d800", "null", "true", "1", "-0", "1e400", "NaN", " ", "\n", "\u00e9", "\U0001F600",
        "\"id\"", "\"806df1b9-2fc8-4463-943f-3d258c569663\"", "\"wiring\"", "\"input_wirings\"", "\"output_wirings\"", "\"filters\"",
        "\"workflow_input_name\"", "\"adapter_id\"", "\"type\"", "\"metadata(int)\"", "\"job_id\"", "\"revision_group_id\"",
        "\"workflowId\"", "\"configuration\"", "\"workflow_wiring\"", "\"inputWirings\"", "\"adapterId\"", "\"value\"", "\"from\"",
    ];

    [Property(MaxTest = 500)]
    public bool Decode_RandomBytes_ReturnsAJobOrThrowsJobDecodeException(byte[] bytes) => OnlyDecodeErrors(bytes);

    [Property(MaxTest = 1000)]
    public Property Decode_RandomJsonishText_ReturnsAJobOrThrowsJobDecodeException() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary(),
            text => OnlyDecodeErrors(Encoding.UTF8.GetBytes(text)));

    private static bool OnlyDecodeErrors(byte[] bytes)
    {
        foreach (var decode in new Func<byte[], ExecutionJob>[]
        {
            b => JobDecoder.Decode(b), b => JobDecoder.DecodeExecById(b), b => JobDecoder.DecodeExecLatest(b),
            b => JobDecoder.DecodeWebForm(Guid.Empty, b, "yes", null),
        })
        {
            try
            {
                decode(bytes);
            }
            catch (JobDecodeException e) when (e.Errors.Count > 0 && !IsDecoderBug(e) && FailureResults.DecodeFailed(e) is var answer && ResultWriter.ToUtf8(answer).Length > 0)
            {
                // refused with pydantic-style errors, and the failure answer can always be written
            }
        }
        return true;
    }

    // The decoder turns its own bugs into JobDecodeException too (so a job is still answered); the property must not.
    private static bool IsDecoderBug(JobDecodeException e) =>
        e.Errors.Any(x => x.Msg.StartsWith("Unexpected decoder failure", StringComparison.Ordinal));
}
