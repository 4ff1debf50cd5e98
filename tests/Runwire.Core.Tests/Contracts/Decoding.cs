using System.Text;
using Runwire.Core.Contracts;

namespace Runwire.Core.Tests.Contracts;

/// <summary>Small helpers so tests read as payload → expected job or expected pydantic errors.</summary>
internal static class Decoding
{
    public const string TrafoId = "806df1b9-2fc8-4463-943f-3d258c569663";

    public static ExecutionJob Decode(string json) => JobDecoder.Decode(Encoding.UTF8.GetBytes(json));

    /// <summary>An ExecByIdInput whose wiring has one input wiring with the given JSON members.</summary>
    public static string WithInput(string members) =>
        $$$"""{"id": "{{{TrafoId}}}", "wiring": {"input_wirings": [{{{{members}}}}]}}""";

    public static string WithOutput(string members) =>
        $$$"""{"id": "{{{TrafoId}}}", "wiring": {"output_wirings": [{{{{members}}}}]}}""";

    public static JobDecodeException Fails(string json) => Assert.Throws<JobDecodeException>(() => Decode(json));

    /// <summary>The errors as "loc|msg|type" lines, easy to compare with what pydantic printed.</summary>
    public static string[] ErrorLines(JobDecodeException e) => [.. e.Errors.Select(x => $"{string.Join('.', x.Loc)}|{x.Msg}|{x.Type}")];
}
