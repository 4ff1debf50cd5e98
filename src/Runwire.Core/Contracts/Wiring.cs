namespace Runwire.Core.Contracts;

/// <summary>
/// An adapter id as hetida types it: <c>StrictInt | StrictStr</c>. The integer <c>1</c> and the string
/// <c>direct_provisioning</c> are the same adapter; the string <c>"1"</c> is a generic REST adapter id (spec §9.12).
/// </summary>
public readonly record struct AdapterId(string Value, bool IsInteger)
{
    public const string DirectProvisioningName = "direct_provisioning";

    public static AdapterId DirectProvisioning { get; } = new(DirectProvisioningName, false);

    public bool IsDirectProvisioning => IsInteger ? Value == "1" : Value == DirectProvisioningName;

    public override string ToString() => Value;
}

/// <summary>hetida's <c>InputWiring</c> (spec §1c).</summary>
public sealed record InputWiring(
    string WorkflowInputName,
    AdapterId AdapterId,
    string? RefId = null,
    string? RefIdType = null,
    string? RefKey = null,
    string? Type = null,
    bool UseDefaultValue = false,
    IReadOnlyDictionary<string, string>? Filters = null)
{
    public IReadOnlyDictionary<string, string> Filters { get; init; } = Filters ?? new Dictionary<string, string>();
}

/// <summary>hetida's <c>OutputWiring</c> (spec §1c).</summary>
public sealed record OutputWiring(
    string WorkflowOutputName,
    AdapterId AdapterId,
    string? RefId = null,
    string? RefIdType = null,
    string? RefKey = null,
    string? Type = null,
    IReadOnlyDictionary<string, string>? Filters = null)
{
    public IReadOnlyDictionary<string, string> Filters { get; init; } = Filters ?? new Dictionary<string, string>();
}

/// <summary>hetida's <c>WorkflowWiring</c>; dashboard positionings are UI-only and not kept.</summary>
public sealed record WorkflowWiring(IReadOnlyList<InputWiring> InputWirings, IReadOnlyList<OutputWiring> OutputWirings)
{
    public static WorkflowWiring Empty { get; } = new([], []);
}
