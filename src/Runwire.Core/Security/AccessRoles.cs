namespace Runwire.Core.Security;

/// <summary>
/// The roles a caller of Runwire's HTTP API can hold; each is also the name of the authorization policy that demands it.
/// <see cref="Admin"/> satisfies every policy (docs/security.md has the table of endpoints).
/// </summary>
public static class AccessRoles
{
    /// <summary>Submit jobs and execute transformations.</summary>
    public const string Submit = "submit";

    /// <summary>Read jobs, results, transformations and adapter data.</summary>
    public const string Read = "read";

    /// <summary>Import or replace transformations, write through adapters, and everything the other roles may do.</summary>
    public const string Admin = "admin";

    /// <summary>Dapr's sidecar calling the service's internal steps and delivering pub/sub messages.</summary>
    public const string Internal = "internal";

    /// <summary>Every role a credential can be given.</summary>
    public static readonly IReadOnlyList<string> All = [Submit, Read, Admin, Internal];
}
