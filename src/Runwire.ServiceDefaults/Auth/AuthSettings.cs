using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Runwire.Core.Security;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>One configured API key: its name (for logs and the caller's identity), the SHA-256 of the key, and its roles.</summary>
public sealed record ApiKey(string Name, byte[] Sha256, IReadOnlyList<string> Roles);

/// <summary>JWT bearer settings: an OpenID Connect authority with its audience, or a symmetric signing key.</summary>
public sealed record JwtSettings(string? Authority, string? Audience, string? Issuer, string? SigningKey, string RoleClaim);

/// <summary>
/// <c>Runwire:Auth</c>: who may call the HTTP API. Validated when the host is built, so a host with a broken or missing
/// configuration refuses to start instead of serving with an open door.
/// </summary>
public sealed record AuthSettings(bool Enabled, IReadOnlyList<ApiKey> ApiKeys, JwtSettings? Jwt, string? DaprAppToken, bool ProtectMetrics)
{
    public const string Section = "Runwire:Auth";
    public const string DaprAppTokenVariable = "APP_API_TOKEN";
    public const int MinimumKeyLength = 16;

    public bool HasCredentialSource => ApiKeys.Count > 0 || Jwt is not null || DaprAppToken is not null;

    public static AuthSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var mode = section["Mode"] ?? "required";
        var protectMetrics = section.GetValue("ProtectMetrics", false);
        if (mode.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return new AuthSettings(false, [], null, null, protectMetrics);
        }
        if (!mode.Equals("required", StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthConfigurationException($"{Section}:Mode is '{mode}'; it must be 'required' (the default) or 'none' (local development only).");
        }
        var appToken = section["DaprAppToken"] ?? configuration[DaprAppTokenVariable];
        var settings = new AuthSettings(true, ReadKeys(section.GetSection("ApiKeys")), ReadJwt(section.GetSection("Jwt")),
            string.IsNullOrEmpty(appToken) ? null : appToken, protectMetrics);
        if (!settings.HasCredentialSource)
        {
            throw new AuthConfigurationException(
                "Authentication is required, but no credential is configured. Configure at least one of: an API key " +
                $"({Section}:ApiKeys:<name>:Key or :KeySha256, with {Section}:ApiKeys:<name>:Roles), a JWT issuer " +
                $"({Section}:Jwt:Authority with :Audience, or {Section}:Jwt:SigningKey), or Dapr's app token ({DaprAppTokenVariable}). " +
                $"For local development only, {Section}:Mode=none turns authentication off. See docs/security.md.");
        }
        return settings;
    }

    private static List<ApiKey> ReadKeys(IConfigurationSection keys)
    {
        var result = new List<ApiKey>();
        foreach (var entry in keys.GetChildren())
        {
            var where = $"{Section}:ApiKeys:{entry.Key}";
            var plain = entry["Key"];
            var hash = entry["KeySha256"];
            if (string.IsNullOrEmpty(plain) == string.IsNullOrEmpty(hash))
            {
                throw new AuthConfigurationException($"{where} needs exactly one of Key (the key itself) or KeySha256 (its SHA-256, 64 hex digits).");
            }
            byte[] sha256;
            if (!string.IsNullOrEmpty(plain))
            {
                if (plain.Length < MinimumKeyLength)
                {
                    throw new AuthConfigurationException($"{where}:Key is shorter than {MinimumKeyLength} characters; use a long random key (docs/security.md).");
                }
                sha256 = SHA256.HashData(Encoding.UTF8.GetBytes(plain));
            }
            else
            {
                sha256 = ParseHash(hash!, where);
            }
            result.Add(new ApiKey(entry.Key, sha256, ReadRoles(entry.GetSection("Roles"), where)));
        }
        return result;
    }

    private static byte[] ParseHash(string hex, string where)
    {
        try
        {
            var bytes = Convert.FromHexString(hex.Trim());
            if (bytes.Length == 32)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }
        throw new AuthConfigurationException($"{where}:KeySha256 must be the SHA-256 of the key as 64 hex digits (e.g. printf %s \"$KEY\" | sha256sum).");
    }

    // Roles come as a list (Roles:0=read) or as one comma-separated value (Roles=submit,read), which suits environment variables.
    private static string[] ReadRoles(IConfigurationSection section, string where)
    {
        var values = section.GetChildren().Select(c => c.Value ?? "").ToList();
        if (values.Count == 0 && section.Value is { } joined)
        {
            values.AddRange(joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        var roles = values.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToArray();
        if (roles.Length == 0)
        {
            throw new AuthConfigurationException($"{where}:Roles is empty; give the key one or more of: {string.Join(", ", AccessRoles.All)}.");
        }
        if (roles.FirstOrDefault(r => !AccessRoles.All.Contains(r)) is { } unknown)
        {
            throw new AuthConfigurationException($"{where}:Roles names '{unknown}'; the roles are: {string.Join(", ", AccessRoles.All)}.");
        }
        return roles;
    }

    private static JwtSettings? ReadJwt(IConfigurationSection jwt)
    {
        var authority = NullIfEmpty(jwt["Authority"]);
        var signingKey = NullIfEmpty(jwt["SigningKey"]);
        var audience = NullIfEmpty(jwt["Audience"]);
        var issuer = NullIfEmpty(jwt["Issuer"]);
        if (authority is null && signingKey is null)
        {
            if (audience is not null || issuer is not null)
            {
                throw new AuthConfigurationException($"{Section}:Jwt needs Authority (an OpenID Connect issuer URL) or SigningKey (a shared HMAC key).");
            }
            return null;
        }
        if (authority is not null && audience is null)
        {
            throw new AuthConfigurationException($"{Section}:Jwt:Authority needs {Section}:Jwt:Audience: tokens the authority issued for other services must not be accepted.");
        }
        if (signingKey is not null && Encoding.UTF8.GetByteCount(signingKey) < 32)
        {
            throw new AuthConfigurationException($"{Section}:Jwt:SigningKey must be at least 32 bytes (HMAC-SHA256 needs a 256-bit key).");
        }
        return new JwtSettings(authority, audience, issuer, signingKey, NullIfEmpty(jwt["RoleClaim"]) ?? "roles");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
