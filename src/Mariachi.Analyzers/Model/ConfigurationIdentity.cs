using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Which <see cref="AnalyzerConfigOptions"/> objects hold the same configuration. csc gives every syntax tree its own
/// options object, a wrapper around the one dictionary its config set built for the list of sections matching that
/// file: trees with the same sections share the dictionary, never the wrapper. Reading the keys of a 2,000-key
/// .editorconfig costs about 0.3 ms, so reading them per tree made MAR0900 cost more than CA2016 on a solution with
/// no Mariachi option at all. The identity of a wrapper whose only state is one string dictionary is that dictionary
/// (such a wrapper answers from nothing else); any other options object is its own identity. Correctness never
/// depends on the host's wrapper: an unknown shape only costs one read per tree again.
/// </summary>
internal sealed class ConfigurationIdentity
{
    /// <summary>
    /// Per options type, found by reflection once per process rather than once per compilation (MAR0900 and the
    /// options cache each make an identity per compilation): a type's fields never change.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, FieldInfo?> SoleDictionaryFields = new ConcurrentDictionary<Type, FieldInfo?>();

    private static readonly Func<Type, FieldInfo?> FindField = SoleDictionaryField;

    /// <summary>Compares identities by reference: two distinct dictionaries with equal contents are still read twice.</summary>
    public static IEqualityComparer<object> Comparer { get; } = new ReferenceComparer();

    public object Of(AnalyzerConfigOptions options)
    {
        var field = SoleDictionaryFields.GetOrAdd(options.GetType(), FindField);
        return field?.GetValue(options) ?? options;
    }

    /// <summary>The one instance field of <paramref name="type"/> (and its bases), when it holds string pairs.</summary>
    private static FieldInfo? SoleDictionaryField(Type type)
    {
        FieldInfo? sole = null;
        for (var current = type; current is not null && current != typeof(AnalyzerConfigOptions) && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (sole is not null)
                {
                    return null;
                }

                sole = field;
            }
        }

        return sole is not null && typeof(IEnumerable<KeyValuePair<string, string>>).IsAssignableFrom(sole.FieldType) ? sole : null;
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
