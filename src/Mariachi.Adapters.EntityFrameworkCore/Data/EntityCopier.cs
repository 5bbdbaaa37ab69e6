using System.Reflection;

namespace Mariachi.Adapters.EntityFrameworkCore.Data;

/// <summary>
/// Shallow copies through <see cref="object.MemberwiseClone"/>: keeps the runtime type and needs no constructor, so a
/// created entity is stored from a copy and the caller's instance is never changed or tracked.
/// </summary>
internal static class EntityCopier<T>
    where T : class
{
    private static readonly Func<object, object> Clone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public static T Copy(T entity) => (T)Clone(entity);
}
