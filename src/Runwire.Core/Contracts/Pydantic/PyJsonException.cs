namespace Runwire.Core.Contracts.Pydantic;

/// <summary>The payload is not UTF-8 or not JSON; carries the error as pydantic's <c>parse_raw</c> reports it.</summary>
internal sealed class PyJsonException(string msg, string type) : Exception(msg)
{
    public DecodeError Error { get; } = new(["__root__"], msg, type);
}
