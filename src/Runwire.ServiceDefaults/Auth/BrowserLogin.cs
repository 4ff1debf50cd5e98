namespace Runwire.ServiceDefaults.Auth;

/// <summary>
/// Endpoint metadata of pages a person opens in a browser (the console): a browser that asks for HTML without
/// credentials is sent to <see cref="Path"/> to enter an API key instead of getting a 401 body.
/// </summary>
public sealed record BrowserLogin(string Path)
{
    /// <summary>The cookie that carries the key a person entered there (HttpOnly, SameSite=Strict).</summary>
    public const string Cookie = "runwire_api_key";
}
