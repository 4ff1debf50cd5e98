namespace Runwire.Core.Components.DataQuality;

/// <summary>The pydantic v1 field types hetida's validation models use.</summary>
public enum PydanticType
{
    Float,
    Bool,
    Str,
}

/// <summary>One field of a pydantic v1 model: required when it has no default.</summary>
public sealed record PydanticField(string Name, PydanticType Type, object? Default = null)
{
    public bool Required => Default is null;
}
