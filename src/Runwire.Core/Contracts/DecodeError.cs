namespace Runwire.Core.Contracts;

/// <summary>
/// One validation error in pydantic's shape (<c>{"loc": [...], "msg": "...", "type": "..."}</c>), so a hetida user
/// sees the locations, messages and error types hetida itself would report. <see cref="Loc"/> holds strings and ints
/// and is relative to the payload (FastAPI would prefix <c>"body"</c>).
/// </summary>
public sealed record DecodeError(IReadOnlyList<object> Loc, string Msg, string Type)
{
    /// <summary>pydantic's location text, e.g. <c>wiring -&gt; input_wirings -&gt; 0 -&gt; adapter_id</c>.</summary>
    public string LocText => string.Join(" -> ", Loc);
}
