using System.Reflection;

namespace Mariachi.Data;

/// <summary>
/// Shallow copies of entities through <see cref="object.MemberwiseClone"/>, bound once as a delegate: fast, keeps the
/// runtime type, and needs no constructor or setter on the entity. Repository adapters store and return copies so a
/// caller's instance is never changed, shared or tracked.
/// </summary>
public static class EntityCopier<T>
    where T : class
{
    private static readonly Func<object, object> Clone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public static T Copy(T entity) => (T)Clone(entity);
}
