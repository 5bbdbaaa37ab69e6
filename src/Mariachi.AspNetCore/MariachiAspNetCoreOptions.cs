using System.Security.Claims;

namespace Mariachi.AspNetCore;

/// <summary>How the request's <see cref="Context"/> is built at the HTTP edge.</summary>
public sealed class MariachiAspNetCoreOptions
{
    /// <summary>
    /// The claim that carries the tenant of an authenticated caller. It wins over <see cref="TenantHeader"/>, which a
    /// caller can set freely: use the header only behind a gateway that sets it.
    /// </summary>
    public string? TenantClaim { get; set; } = "tenant_id";

    /// <summary>The header that carries the tenant when no claim does; null to ignore headers.</summary>
    public string? TenantHeader { get; set; } = "X-Tenant-Id";

    /// <summary>The claims that identify the user, first match wins.</summary>
    public IList<string> UserClaims { get; } = [ClaimTypes.NameIdentifier, "sub"];

    /// <summary>The claims that carry granted scopes (space-separated or repeated).</summary>
    public IList<string> ScopeClaims { get; } = ["scope", "scp"];

    /// <summary>The claim that names the session, if any.</summary>
    public string? SessionClaim { get; set; } = "sid";

    /// <summary>The name of this facade, recorded as <see cref="Context.Server"/>.</summary>
    public string? ServerName { get; set; }

    /// <summary>The response header that returns the request's trace id; null to send none.</summary>
    public string? TraceIdResponseHeader { get; set; } = "X-Trace-Id";
}
