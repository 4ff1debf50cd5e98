namespace Runwire.DataAdapters.GenericRest;

/// <summary>
/// An external adapter that speaks hetida's generic REST protocol, registered by id and base URL; the API key, when
/// given, goes out as <c>X-API-Key</c> on every request (another Runwire's adapters service wants one).
/// </summary>
public sealed record RestAdapterOptions(string Id, Uri BaseUrl, long MaxResponseBytes = RestAdapterOptions.DefaultMaxResponseBytes, string? ApiKey = null)
{
    public const long DefaultMaxResponseBytes = 1L << 30;

    /// <summary>hetida joins endpoints like <c>posixpath.join(base, endpoint)</c>.</summary>
    public string Url(string endpoint) => BaseUrl.ToString().TrimEnd('/') + "/" + endpoint;
}
