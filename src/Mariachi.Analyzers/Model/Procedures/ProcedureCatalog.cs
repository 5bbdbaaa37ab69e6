using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// What a compilation knows of the procedures it may call: its own registrations (from the catalog generator's file,
/// or found in its code) and the catalogs of the assemblies it references. The rules that check
/// calls against it (MAR0012, MAR0013) read it once per compilation.
/// </summary>
internal sealed class ProcedureCatalog
{
    private static readonly ConditionalWeakTable<Compilation, ProcedureCatalog> Cache = new ConditionalWeakTable<Compilation, ProcedureCatalog>();

    /// <summary>Trees that may spell a <c>Register</c> call; no other tree is walked.</summary>
    private static readonly TextMentions RegisterMentions = new TextMentions(ProcedureModel.RegisterName);

    private readonly Dictionary<string, List<RegisteredTypes>> _byName;
    private readonly ReferencedCatalogs _referenced;
    private const int Unknown = 0;
    private const int Yes = 1;
    private const int No = 2;

    private ProcedureCatalog? _scanned;
    private int _current;

    private ProcedureCatalog(Dictionary<string, List<RegisteredTypes>> byName, bool hasEntries, ReferencedCatalogs referenced, bool fromGeneratedFile)
    {
        _byName = byName;
        CanKnow = hasEntries;
        _referenced = referenced;
        FromGeneratedFile = fromGeneratedFile;
    }

    /// <summary>True when the own registrations came from the generator's file rather than from the code.</summary>
    public bool FromGeneratedFile { get; }

    /// <summary>
    /// True when the compilation registers a procedure or references an assembly with a catalog: a pure client (the
    /// API of a NATS split) cannot know what the other process registers, and is not checked.
    /// </summary>
    public bool CanKnow { get; }

    public IEnumerable<string> Names => _byName.Keys;

    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The types of every registration of <paramref name="name"/> (empty when there is none).</summary>
    public IReadOnlyList<RegisteredTypes> Find(string name) =>
        _byName.TryGetValue(name, out var found) ? found : (IReadOnlyList<RegisteredTypes>)Array.Empty<RegisteredTypes>();

    /// <summary>
    /// The catalog of <paramref name="symbols"/>' compilation, built on first use and kept with the compilation (so
    /// MAR0012 and MAR0013 share it). Its own registrations are read from the catalog generator's output when the
    /// compilation holds it (a build and the IDE analyze the compilation the generator added its file to), else
    /// found by a scan for <c>Register</c> calls (<see cref="ScanOwnRegistrations"/>).
    /// </summary>
    public static ProcedureCatalog Get(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var compilation = symbols.Compilation;
        if (Cache.TryGetValue(compilation, out var known))
        {
            return known;
        }

        var referenced = ReferencedCatalogs.Get(compilation, cancellationToken);
        var built = GeneratedCatalog.Read(symbols, cancellationToken) is { } generated
            ? Create(generated, referenced, fromGeneratedFile: true)
            : Create(ScanOwnRegistrations(symbols, cancellationToken), referenced, fromGeneratedFile: false);
        return Cache.GetValue(compilation, _ => built);
    }

    /// <summary>
    /// The catalog a finding is confirmed against: this one when it was read from the code or the generator's file is
    /// current, else the code scanned once (kept with this catalog). The generator's file may lag behind the code (the
    /// IDE's "balanced" generator mode reruns generators on save or build): a stale file only clears calls, and a call
    /// it would flag is judged against the code.
    /// </summary>
    public ProcedureCatalog FromCode(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (!FromGeneratedFile || IsCurrent(symbols, cancellationToken))
        {
            return this;
        }

        var scanned = Volatile.Read(ref _scanned);
        if (scanned is null)
        {
            scanned = Create(ScanOwnRegistrations(symbols, cancellationToken), _referenced, fromGeneratedFile: false);
            scanned = Interlocked.CompareExchange(ref _scanned, scanned, null) ?? scanned;
        }

        return scanned;
    }

    /// <summary>
    /// True when the generator's file describes the code as it is (<see cref="GeneratedCatalog.IsCurrent"/>): decided
    /// once, the first time a call is flagged; then nothing is scanned.
    /// </summary>
    private bool IsCurrent(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current == Unknown)
        {
            current = GeneratedCatalog.IsCurrent(symbols.Compilation, cancellationToken) ? Yes : No;
            Volatile.Write(ref _current, current);
        }

        return current == Yes;
    }

    /// <summary>
    /// The compilation's own registrations found in its trees: only trees that spell <c>Register</c> are walked, and
    /// each call is read by <see cref="RegistrationReader"/> (its handler bound only where its types are inferred).
    /// </summary>
    internal static IEnumerable<OwnRegistration> ScanOwnRegistrations(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var compilation = symbols.Compilation;
        var found = new List<OwnRegistration>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!RegisterMentions.InTree(tree, cancellationToken))
            {
                continue;
            }

            RegistrationReader? reader = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (ProcedureModel.IsRegisterCallSyntax(node))
                {
                    reader ??= new RegistrationReader(compilation.GetSemanticModel(tree), symbols);
                    if (reader.Read((InvocationExpressionSyntax)node, cancellationToken) is { } registration)
                    {
                        found.Add(registration);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The compilation's own <c>Register</c> calls with a constant name (also read by the mariachi tool).</summary>
    internal static IEnumerable<CatalogRegistration> OwnRegistrations(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var compilation = symbols.Compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (!ProcedureModel.IsRegisterCallSyntax(node))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetOperation(node, cancellationToken) is IInvocationOperation invocation
                    && CatalogRegistration.Create(invocation, symbols) is { } registration)
                {
                    yield return registration;
                }
            }
        }
    }

    private static ProcedureCatalog Create(IEnumerable<OwnRegistration> own, ReferencedCatalogs referenced, bool fromGeneratedFile)
    {
        var byName = new Dictionary<string, List<RegisteredTypes>>(StringComparer.Ordinal);
        var hasEntries = false;
        foreach (var registration in own)
        {
            Add(byName, registration.Name, new RegisteredTypes(registration.Input, registration.Output, null));
            hasEntries = true;
        }

        foreach (var name in referenced.Names)
        {
            foreach (var entry in referenced.Find(name))
            {
                Add(byName, name, new RegisteredTypes(entry.Input, entry.Output, entry.Assembly));
                hasEntries = true;
            }
        }

        return new ProcedureCatalog(byName, hasEntries, referenced, fromGeneratedFile);
    }

    private static void Add(Dictionary<string, List<RegisteredTypes>> byName, string name, RegisteredTypes types)
    {
        if (!byName.TryGetValue(name, out var list))
        {
            byName[name] = list = new List<RegisteredTypes>();
        }

        list.Add(types);
    }
}

/// <summary>A registration's input and output types (null when recorded by name only) and, for a referenced one, its assembly.</summary>
internal sealed class RegisteredTypes
{
    public RegisteredTypes(ITypeSymbol? input, ITypeSymbol? output, IAssemblySymbol? assembly)
    {
        Input = input;
        Output = output;
        Assembly = assembly;
    }

    public ITypeSymbol? Input { get; }

    public ITypeSymbol? Output { get; }

    public IAssemblySymbol? Assembly { get; }
}
