namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>
/// The names of the query filters <see cref="ModelBuilderExtensions.ApplyMariachiConventions"/> declares, for
/// <c>IgnoreQueryFilters([...])</c>. Filters of other names (the application's own) are left alone.
/// </summary>
public static class MariachiQueryFilters
{
    /// <summary>Keeps the rows of the DbContext's tenant (all rows for a cross-tenant system context, none without a context).</summary>
    public const string Tenant = "Mariachi.Tenant";

    /// <summary>Hides soft-deleted rows (<c>DeletedAt IS NULL</c>).</summary>
    public const string SoftDelete = "Mariachi.SoftDelete";

    /// <summary>Both Mariachi filters.</summary>
    public static IReadOnlyCollection<string> All { get; } = [Tenant, SoftDelete];
}
