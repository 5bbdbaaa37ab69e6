using System.Reflection;

namespace Mariachi.Adapters.InMemory.Data;

/// <summary>
/// Shallow copies of entities through <see cref="object.MemberwiseClone"/>, bound once as a delegate: fast, keeps the
/// runtime type, and needs no constructor or setter on the entity.
/// </summary>
internal static class EntityCopier<T>
    where T : class
{
    private static readonly Func<object, object> Clone =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    public static T Copy(T entity) => (T)Clone(entity);
}
