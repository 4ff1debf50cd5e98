namespace Runwire.DataAdapters.GenericRest;

/// <summary>An external adapter that speaks hetida's generic REST protocol, registered by id and base URL.</summary>
public sealed record RestAdapterOptions(string Id, Uri BaseUrl, long MaxResponseBytes = RestAdapterOptions.DefaultMaxResponseBytes)
{
    public const long DefaultMaxResponseBytes = 1L << 30;

    /// <summary>hetida joins endpoints like <c>posixpath.join(base, endpoint)</c>.</summary>
    public string Url(string endpoint) => BaseUrl.ToString().TrimEnd('/') + "/" + endpoint;
}
