using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.Protocol;

/// <summary>hetida's checks of wirings to non-inline adapters, with its messages (generic_rest/__init__.py).</summary>
internal static class WiringChecks
{
    public const string WiringInvalid = "AdapterClientWiringInvalidError";
    public const string Handling = "AdapterHandlingException";
    public const string Connection = "AdapterConnectionError";
    public const string OutputData = "AdapterOutputDataError";

    /// <summary>The canonical external type of a wiring; hetida checks every ref id before any type.</summary>
    public static IReadOnlyList<string> RefIdsAndTypes(IReadOnlyList<(string? RefId, string? Type)> wirings)
    {
        if (wirings.Any(w => w.RefId is null))
        {
            throw new AdapterException(WiringInvalid, "Unset ref id in a wiring using generic rest adapter.");
        }
        var types = new List<string>(wirings.Count);
        foreach (var (_, type) in wirings)
        {
            if (type is null)
            {
                continue;
            }
            types.Add(ExternalTypes.Normalize(type)
                ?? throw new AdapterException(WiringInvalid, "Unknown type in a wiring using generic rest adapter."));
        }
        return types.Count < wirings.Count
            ? throw new AdapterException(WiringInvalid, "Unset type in a wiring using generic rest adapter.")
            : types;
    }

    public static void Metadatum(string? refIdType, string? refKey)
    {
        if (refIdType is null)
        {
            throw new AdapterException(WiringInvalid, "Unset ref_id_type in metadatum wiring.");
        }
        if (refKey is null)
        {
            throw new AdapterException(WiringInvalid, "Unset ref_key in metadatum wiring.");
        }
    }

    /// <summary>Python's <c>str(type(value))</c>, as hetida's output errors print it.</summary>
    public static string PyClass(object? value) => value switch
    {
        Series => "<class 'pandas.core.series.Series'>",
        DataFrame => "<class 'pandas.core.frame.DataFrame'>",
        DateTime => "<class 'pandas._libs.tslibs.timestamps.Timestamp'>",
        _ => $"<class '{Ordering.PyTypeName(value)}'>",
    };

    public static DataFrame RequireFrame(object? value) => value as DataFrame
        ?? throw new AdapterException(OutputData,
            $"Did not receive Pandas DataFrame as expected from workflow output. Got {PyClass(value)} instead.");
}
