using System.Collections.Generic;
using System.Globalization;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// The fingerprint of what the catalog generator read (FNV-1a, 64 bits, over the trees' own fingerprints in
/// compilation order): written into the generated file, and computed again by the analyzers to tell whether that file
/// still describes the code. Not a security hash: a stale file only costs a scan of the code.
/// </summary>
internal static class CatalogFingerprint
{
    public const ulong Start = 14695981039346656037UL;

    /// <summary>The comment line of the generated file that carries the fingerprint.</summary>
    public const string LinePrefix = "// Fingerprint of the registrations read: ";

    private const ulong Prime = 1099511628211UL;

    public static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return (hash ^ 0xFF) * Prime;
    }

    public static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }

    /// <summary>The fingerprint of the trees that hold candidates, from their own fingerprints in compilation order.</summary>
    public static ulong Of(IEnumerable<ulong> trees)
    {
        var hash = Start;
        foreach (var tree in trees)
        {
            hash = Add(hash, tree);
        }

        return hash;
    }

    public static string Format(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);
}
