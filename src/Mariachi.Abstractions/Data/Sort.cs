using System.Linq.Expressions;

namespace Mariachi.Data;

/// <summary>
/// An ordering by one or more keys, e.g. <c>Sort&lt;Order&gt;.ByDescending(o =&gt; o.CreatedAt).ThenBy(o =&gt; o.Total)</c>.
/// Kept as expressions so database adapters translate it. Immutable.
/// </summary>
public sealed class Sort<T>
{
    private Sort(IReadOnlyList<SortKey> keys) => Keys = keys;

    public IReadOnlyList<SortKey> Keys { get; }

    public static Sort<T> By<TKey>(Expression<Func<T, TKey>> key) => new([SortKey.Create(key, descending: false)]);

    public static Sort<T> ByDescending<TKey>(Expression<Func<T, TKey>> key) => new([SortKey.Create(key, descending: true)]);

    public Sort<T> ThenBy<TKey>(Expression<Func<T, TKey>> key) => new([.. Keys, SortKey.Create(key, descending: false)]);

    public Sort<T> ThenByDescending<TKey>(Expression<Func<T, TKey>> key) => new([.. Keys, SortKey.Create(key, descending: true)]);

    /// <summary>One key of a <see cref="Sort{T}"/>: a lambda <c>T =&gt; key</c> and a direction.</summary>
    public sealed record SortKey(LambdaExpression Key, bool Descending)
    {
        internal static SortKey Create(LambdaExpression key, bool descending) =>
            new(key ?? throw new ArgumentNullException(nameof(key)), descending);
    }
}
