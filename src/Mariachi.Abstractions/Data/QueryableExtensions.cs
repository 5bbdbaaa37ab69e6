using System.Linq.Expressions;
using System.Reflection;

namespace Mariachi.Data;

/// <summary>
/// Query building shared by repository adapters, so every adapter filters, orders and pages the same way:
/// the requested sort, then <see cref="IEntity.Id"/> as the tiebreak.
/// </summary>
public static class QueryableExtensions
{
    private static readonly MethodInfo OrderByMethod = QueryableMethod(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescendingMethod = QueryableMethod(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenByMethod = QueryableMethod(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescendingMethod = QueryableMethod(nameof(Queryable.ThenByDescending));

    /// <summary>Orders by <paramref name="sort"/> and then by id, so pages never overlap or skip rows.</summary>
    public static IOrderedQueryable<T> OrderDeterministically<T>(this IQueryable<T> query, Sort<T>? sort)
        where T : class, IEntity
    {
        ArgumentNullException.ThrowIfNull(query);
        var expression = query.Expression;
        var first = true;
        foreach (var key in sort?.Keys ?? [])
        {
            expression = Order(expression, key.Key, key.Descending, first);
            first = false;
        }

        Expression<Func<T, Guid>> byId = entity => entity.Id;
        expression = Order(expression, byId, descending: false, first);
        return (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(expression);
    }

    /// <summary>
    /// Keeps only the rows <paramref name="scope"/> may see and, unless <paramref name="includeDeleted"/>, hides
    /// soft-deleted rows. Built as an expression with the tenant as a captured value, so databases parameterize it.
    /// </summary>
    public static IQueryable<T> WhereVisible<T>(this IQueryable<T> query, TenantScope scope, bool includeDeleted)
        where T : class, IEntity
    {
        ArgumentNullException.ThrowIfNull(query);
        var entity = Expression.Parameter(typeof(T), "entity");
        Expression? condition = null;
        if (scope.IsRestricted)
        {
            var tenant = new CapturedTenant(scope.TenantId!);
            condition = Expression.Equal(
                Expression.Property(entity, nameof(ITenantEntity.TenantId)),
                Expression.Property(Expression.Constant(tenant), nameof(CapturedTenant.Value)));
        }

        if (!includeDeleted && typeof(BaseEntity).IsAssignableFrom(typeof(T)))
        {
            var notDeleted = Expression.Equal(
                Expression.Property(entity, nameof(BaseEntity.DeletedAt)),
                Expression.Constant(null, typeof(DateTimeOffset?)));
            condition = condition is null ? notDeleted : Expression.AndAlso(condition, notDeleted);
        }

        return condition is null ? query : query.Where(Expression.Lambda<Func<T, bool>>(condition, entity));
    }

    private sealed class CapturedTenant(string value)
    {
        public string Value { get; } = value;
    }

    private static MethodCallExpression Order(Expression source, LambdaExpression key, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => OrderByMethod,
            (true, true) => OrderByDescendingMethod,
            (false, false) => ThenByMethod,
            (false, true) => ThenByDescendingMethod,
        };
        var generic = method.MakeGenericMethod(key.Parameters[0].Type, key.ReturnType);
        return Expression.Call(generic, source, Expression.Quote(key));
    }

    private static MethodInfo QueryableMethod(string name) =>
        typeof(Queryable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().Length == 2);
}
