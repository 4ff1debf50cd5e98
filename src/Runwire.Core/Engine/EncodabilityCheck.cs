using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Engine;

/// <summary>Stage ENCODING_RESULTS_TO_JSON: every returned value must have a JSON form before the result is written.</summary>
internal static class EncodabilityCheck
{
    public static void Check(IReadOnlyList<KeyValuePair<string, object?>> outputs)
    {
        foreach (var (name, value) in outputs)
        {
            if (!IsEncodable(value))
            {
                throw new ExecutionFailureException(new ExecutionError(
                    "ValueError",
                    $"Output '{name}' of type {Ordering.PyTypeName(value)} cannot be encoded to JSON.",
                    ProcessStage.ENCODING_RESULTS_TO_JSON));
            }
        }
    }

    private static bool IsEncodable(object? value) => value switch
    {
        null or bool or long or double or string or DateTime or JsonNode or Series or DataFrame or double[] => true,
        object?[] items => items.All(IsEncodable),
        _ => false,
    };
}
