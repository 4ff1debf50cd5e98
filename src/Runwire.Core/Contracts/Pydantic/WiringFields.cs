using System.Text.RegularExpressions;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>The field rules shared by hetida's wiring models (<c>runtime/hetdesrun/models/wiring.py</c> and its camelCase DTO).</summary>
internal static partial class WiringFields
{
    public const string ReservedKeysMessage = "The strings ['from', 'to', 'id'] are reserved filter keys!";
    private static readonly string[] ReservedKeys = ["from", "to", "id"];
    private static readonly IReadOnlyDictionary<string, string> RefIdTypes =
        new Dictionary<string, string> { ["SOURCE"] = "SOURCE", ["SINK"] = "SINK", ["THINGNODE"] = "THINGNODE" };

    // Python's re.match with $: also matches before one trailing "\n", as .NET's $ does.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]+$")]
    private static partial Regex FilterKeyPattern();

    /// <summary><c>workflow_input_name</c> / <c>workflow_output_name</c>: str, a Python identifier that is not a keyword.</summary>
    public static Checked<string> Name(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        var name = PyFields.Str(node, loc, errors);
        if (name.Ok && !PyIdentifier.IsValid(name.Value))
        {
            errors.ValueError(loc, $"{name.Value} is not a valid Python identifier");
            return Checked<string>.Invalid;
        }
        return name;
    }

    /// <summary><c>adapter_id: StrictInt | StrictStr</c>; an int must be a registered adapter key, and only 1 is.</summary>
    public static FieldValidator<AdapterId> Adapter(string role) => (node, loc, errors) =>
    {
        switch (node)
        {
            case PyStr s:
                return new AdapterId(s.Value, false);
            case PyInt i when i.Value.IsOne:
                return new AdapterId("1", true);
            case PyInt i:
                errors.ValueError(loc, $"Adapter with id {i.Value} is not known / not registered as {role} adapter.");
                return Checked<AdapterId>.Invalid;
            default:
                // A union reports the failure of each member.
                errors.Add(loc, "value is not a valid integer", "type_error.integer");
                errors.Add(loc, "str type expected", "type_error.str");
                return Checked<AdapterId>.Invalid;
        }
    };

    public static Checked<string> RefIdType(PyNode node, IReadOnlyList<object> loc, ErrorList errors) =>
        PyFields.Enum(node, loc, errors, RefIdTypes, RefIdTypes.Keys);

    public static Checked<string> ExternalType(PyNode node, IReadOnlyList<object> loc, ErrorList errors) =>
        PyFields.Enum(node, loc, errors, ExternalTypes.Accepted, ExternalTypes.Canonical);

    /// <summary>
    /// <c>filters: dict[FilterKey, str | None]</c>: keys match <c>^[a-zA-Z]\w+$</c>, values are coerced to str, then
    /// reserved keys are refused and null values become "".
    /// </summary>
    public static Checked<IReadOnlyDictionary<string, string>> Filters(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyMapping.Coerce(node) is not { } pairs)
        {
            errors.Add(loc, "value is not a valid dict", "type_error.dict");
            return Checked<IReadOnlyDictionary<string, string>>.Invalid;
        }
        var before = errors.Count;
        var filters = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, rawValue) in pairs)
        {
            var key = FilterKey(rawKey, loc.Then("__key__"), errors);
            var keyText = key.Ok ? key.Value : PyFields.PyStrOf(rawKey) ?? "";
            var value = rawValue is PyNone ? "" : PyFields.Str(rawValue, loc.Then(keyText), errors);
            if (key.Ok && value.Ok)
            {
                filters[key.Value] = value.Value;
            }
        }
        if (errors.Count > before)
        {
            return Checked<IReadOnlyDictionary<string, string>>.Invalid;
        }
        if (ReservedKeys.Any(filters.ContainsKey))
        {
            errors.ValueError(loc, ReservedKeysMessage);
            return Checked<IReadOnlyDictionary<string, string>>.Invalid;
        }
        return filters;
    }

    private static Checked<string> FilterKey(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (node is PyNone)
        {
            errors.NoneNotAllowed(loc);
            return Checked<string>.Invalid;
        }
        var key = PyFields.Str(node, loc, errors);
        if (!key.Ok)
        {
            return key;
        }
        if (key.Value.Length == 0)
        {
            errors.Add(loc, "ensure this value has at least 1 characters", "value_error.any_str.min_length");
            return Checked<string>.Invalid;
        }
        if (!FilterKeyPattern().IsMatch(key.Value))
        {
            errors.Add(loc, "string does not match regex \"^[a-zA-Z]\\w+$\"", "value_error.str.regex");
            return Checked<string>.Invalid;
        }
        return key;
    }

    /// <summary>hetida's "metadata datatype in …Wiring requires additional fields" rule.</summary>
    public static bool IsMetadata(string canonicalType) => ExternalTypes.GeneralType(canonicalType) == "metadata";
}
