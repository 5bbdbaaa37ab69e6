using Microsoft.AspNetCore.Http;

namespace Violations.Services;

// MAR0007: a service that reads the HTTP request; it gets the tenant from its Context instead. MAR0014: nothing calls it.
public sealed class TenantService
{
    public string? Current(HttpContext http) => http.User.Identity?.Name;
}
