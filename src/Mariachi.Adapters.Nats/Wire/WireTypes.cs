using System.Collections.Concurrent;
using System.Text;

namespace Mariachi.Adapters.Nats.Wire;

/// <summary>
/// Names types on the wire without assembly versions, so processes on different runtimes (net8.0 and net10.0) agree:
/// <c>Orders.CreateOrder</c>, <c>System.Collections.Generic.List`1[Orders.Line]</c>, <c>System.Int32[]</c>. A name
/// is resolved back to a type only among the assemblies already loaded, and only to check it against the type a
/// handler declared: nothing is ever instantiated just because the wire named it.
/// </summary>
internal static class WireTypes
{
    /// <summary>The name sent for a null payload.</summary>
    public const string Null = "null";

    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static string NameOf(Type type) => Names.GetOrAdd(type, Build);

    public static string NameOfValue(object? value) => value is null ? Null : NameOf(value.GetType());

    /// <summary>The loaded type named <paramref name="name"/>, or null.</summary>
    public static Type? Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name) || name == Null || name.Length > 1024)
        {
            return null;
        }

        if (Resolved.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var type = Parse(name, depth: 0);
        if (type is not null)
        {
            Resolved[name] = type;
        }

        return type;
    }

    private static string Build(Type type)
    {
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return NameOf(type.GetElementType()!) + "[" + new string(',', rank - 1) + "]";
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var builder = new StringBuilder(type.GetGenericTypeDefinition().FullName);
            builder.Append('[');
            builder.AppendJoin(',', type.GetGenericArguments().Select(NameOf));
            builder.Append(']');
            return builder.ToString();
        }

        return type.FullName ?? type.Name;
    }

    private static Type? Parse(string name, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        try
        {
            if (name.EndsWith(']') && name.LastIndexOf('[') is var open && open > 0
                && name[(open + 1)..^1].All(c => c == ','))
            {
                var element = Parse(name[..open], depth + 1);
                var rank = name.Length - open - 1;
                return element is null ? null : rank == 1 ? element.MakeArrayType() : element.MakeArrayType(rank);
            }

            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                return FindLoaded(name);
            }

            if (!name.EndsWith(']'))
            {
                return null;
            }

            var definition = FindLoaded(name[..bracket]);
            if (definition is not { IsGenericTypeDefinition: true })
            {
                return null;
            }

            var arguments = SplitTopLevel(name[(bracket + 1)..^1]);
            if (arguments.Count != definition.GetGenericArguments().Length)
            {
                return null;
            }

            var resolved = new Type[arguments.Count];
            for (var i = 0; i < arguments.Count; i++)
            {
                if (Parse(arguments[i], depth + 1) is not { } argument)
                {
                    return null;
                }

                resolved[i] = argument;
            }

            return definition.MakeGenericType(resolved);
        }
        catch (ArgumentException)
        {
            // A generic constraint the arguments do not meet: no such type.
            return null;
        }
    }

    private static List<string> SplitTopLevel(string arguments)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(arguments[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(arguments[start..]);
        return parts;
    }

    private static Type? FindLoaded(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic)
            {
                continue;
            }

            var type = assembly.GetType(fullName, throwOnError: false);
            if (type is not null)
            {
                return type;
            }
        }

        return null;
    }
}
