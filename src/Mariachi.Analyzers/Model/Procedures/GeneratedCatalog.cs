using System;
using System.Collections.Generic;
using System.Threading;
using Mariachi.Analyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The compilation's own catalog as the catalog generator wrote it into the compilation (its
/// <c>[assembly: ProcedureCatalogEntry(...)]</c> file): in a build and in the IDE the analyzers see the compilation the
/// generator added its file to, so the registrations need not be found and bound again. The assembly's attributes are
/// bound once per compilation and shared with the compile, which writes them into the assembly.
/// </summary>
internal static class GeneratedCatalog
{
    /// <summary>The path the generator driver gives the generator's file ends with this (its folder is the generator's type).</summary>
    private static readonly string PathEnd = typeof(ProcedureCatalogGenerator).FullName + "/" + ProcedureCatalogGenerator.HintName;

    /// <summary>
    /// The registrations of the generator's file, or null when the compilation has no such file (the generator is not
    /// run, or found nothing) or an entry of it is written by type name only (a type not nameable at assembly level):
    /// the caller then scans the code, which sees those types.
    /// </summary>
    public static IReadOnlyList<OwnRegistration>? Read(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var compilation = symbols.Compilation;
        if (symbols.ProcedureCatalogEntryAttribute is not { } attributeType || Find(compilation) is not { } tree)
        {
            return null;
        }

        var found = new List<OwnRegistration>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ApplicationSyntaxReference?.SyntaxTree != tree
                || !SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            if (ReferencedEntry.Create(attribute, compilation.Assembly) is not { Input: { } input, Output: { } output } entry)
            {
                return null;
            }

            found.Add(new OwnRegistration(entry.Name, input, output));
        }

        return found;
    }

    /// <summary>
    /// True when the generator's file in <paramref name="compilation"/> describes its code as it is: the fingerprint it
    /// carries is that of the candidates the code holds now (<see cref="CandidateNodes.Fingerprint"/>). In a build the
    /// file always is; in the IDE, whose "balanced" generator mode reruns generators only on save or build, it may not be.
    /// A change the fingerprint cannot see (a constant's value edited where it is declared) shows at the next run.
    /// </summary>
    public static bool IsCurrent(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Find(compilation) is not { } file || Written(file, cancellationToken) is not { } written)
        {
            return false;
        }

        var trees = new List<ulong>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (CandidateNodes.Of(tree, cancellationToken) is { Count: > 0 } candidates)
            {
                trees.Add(candidates.Fingerprint);
            }
        }

        return CatalogFingerprint.Format(CatalogFingerprint.Of(trees)) == written;
    }

    /// <summary>The fingerprint the file carries, or null (a file of an older generator carries none).</summary>
    private static string? Written(SyntaxTree file, CancellationToken cancellationToken)
    {
        foreach (var line in file.GetText(cancellationToken).Lines)
        {
            var text = line.ToString();
            if (text.StartsWith(CatalogFingerprint.LinePrefix, StringComparison.Ordinal))
            {
                return text.Substring(CatalogFingerprint.LinePrefix.Length).Trim();
            }

            if (!text.StartsWith("//", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The generator's file in <paramref name="compilation"/>, or null.</summary>
    internal static SyntaxTree? Find(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var path = tree.FilePath;
            if (path.EndsWith(ProcedureCatalogGenerator.HintName, StringComparison.Ordinal)
                && path.Replace('\\', '/').EndsWith(PathEnd, StringComparison.Ordinal))
            {
                return tree;
            }
        }

        return null;
    }
}
