using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The types the rules look for, resolved once per compilation by metadata name (the analyzers never reference
/// Mariachi.Abstractions). Any of them may be missing: code that does not use a type cannot break its rule. One
/// instance per compilation (<see cref="Create"/>).
/// </summary>
internal sealed class KnownSymbols
{
    public const string MariachiAssemblyName = "Mariachi.Abstractions";

    private readonly Lazy<INamedTypeSymbol?> _context;
    private readonly Lazy<INamedTypeSymbol?> _communication;
    private readonly Lazy<INamedTypeSymbol?> _communicationExtensions;
    private readonly Lazy<INamedTypeSymbol?> _procedure;
    private readonly Lazy<INamedTypeSymbol?> _eventBus;
    private readonly Lazy<INamedTypeSymbol?> _eventBusExtensions;
    private readonly Lazy<INamedTypeSymbol?> _environment;
    private readonly Lazy<INamedTypeSymbol?> _cancellationToken;
    private readonly Lazy<INamedTypeSymbol?> _obsoleteAttribute;
    private readonly Lazy<INamedTypeSymbol?> _configuration;
    private readonly Lazy<INamedTypeSymbol?> _controllerBase;
    private readonly Lazy<INamedTypeSymbol?> _apiControllerAttribute;
    private readonly Lazy<INamedTypeSymbol?> _pageModel;
    private readonly Lazy<INamedTypeSymbol?> _endpointRouteBuilderExtensions;
    private readonly Lazy<INamedTypeSymbol?> _mariachiError;
    private readonly Lazy<INamedTypeSymbol?> _procedureModule;
    private readonly Lazy<INamedTypeSymbol?> _procedureCatalogEntryAttribute;
    private readonly Lazy<INamedTypeSymbol?> _hostedService;
    private readonly Lazy<Assemblies> _assemblies;

    /// <summary>Each type is looked up on first use: a rule pays only for the symbols it needs.</summary>
    private KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        var assemblies = new Lazy<Assemblies>(() => new Assemblies(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _assemblies = assemblies;
        _context = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Context"));
        _communication = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Communication.ICommunication"));
        _communicationExtensions = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Communication.CommunicationExtensions"));
        _procedure = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Communication.Procedure`2"));
        _eventBus = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Events.IEventBus"));
        _eventBusExtensions = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Events.EventBusExtensions"));
        _environment = Lookup(() => assemblies.Value.FromCoreLibrary("System.Environment"));
        _cancellationToken = Lookup(() => assemblies.Value.FromCoreLibrary("System.Threading.CancellationToken"));
        _obsoleteAttribute = Lookup(() => assemblies.Value.FromCoreLibrary("System.ObsoleteAttribute"));
        _configuration = Lookup(() => assemblies.Value.Find("Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Configuration.IConfiguration"));
        _controllerBase = Lookup(() => assemblies.Value.Find("Microsoft.AspNetCore.Mvc.Core", "Microsoft.AspNetCore.Mvc.ControllerBase"));
        _apiControllerAttribute = Lookup(() => assemblies.Value.Find("Microsoft.AspNetCore.Mvc.Core", "Microsoft.AspNetCore.Mvc.ApiControllerAttribute"));
        _pageModel = Lookup(() => assemblies.Value.Find("Microsoft.AspNetCore.Mvc.RazorPages", "Microsoft.AspNetCore.Mvc.RazorPages.PageModel"));
        _mariachiError = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.MariachiError"));
        _procedureModule = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, "Mariachi.Communication.IProcedureModule"));
        _procedureCatalogEntryAttribute = Lookup(() => assemblies.Value.Find(MariachiAssemblyName, CatalogAttribute.MetadataName));
        _hostedService = Lookup(() => assemblies.Value.Find("Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Hosting.IHostedService"));
        _endpointRouteBuilderExtensions = Lookup(() => assemblies.Value.Find("Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"));
    }

    public Compilation Compilation { get; }

    /// <summary><c>Mariachi.Context</c>; null when the compilation does not reference Mariachi.Abstractions.</summary>
    public INamedTypeSymbol? Context => _context.Value;

    public INamedTypeSymbol? Communication => _communication.Value;

    /// <summary><c>Mariachi.Communication.CommunicationExtensions</c>: the <c>Register</c> overloads besides the interface's one.</summary>
    public INamedTypeSymbol? CommunicationExtensions => _communicationExtensions.Value;

    /// <summary>The open generic <c>Mariachi.Communication.Procedure&lt;TIn, TOut&gt;</c>.</summary>
    public INamedTypeSymbol? Procedure => _procedure.Value;

    /// <summary><c>Mariachi.Events.IEventBus</c>: <c>PublishAsync</c> and <c>SubscribeAsync</c>.</summary>
    public INamedTypeSymbol? EventBus => _eventBus.Value;

    /// <summary><c>Mariachi.Events.EventBusExtensions</c>: the <c>SubscribeAsync</c> overload besides the interface's one.</summary>
    public INamedTypeSymbol? EventBusExtensions => _eventBusExtensions.Value;

    public INamedTypeSymbol? Environment => _environment.Value;

    public INamedTypeSymbol? Configuration => _configuration.Value;

    public INamedTypeSymbol? ControllerBase => _controllerBase.Value;

    public INamedTypeSymbol? PageModel => _pageModel.Value;

    public INamedTypeSymbol? ApiControllerAttribute => _apiControllerAttribute.Value;

    public INamedTypeSymbol? CancellationToken => _cancellationToken.Value;

    public INamedTypeSymbol? ObsoleteAttribute => _obsoleteAttribute.Value;

    /// <summary>ASP.NET Core's <c>MapGet/MapPost/...</c>: minimal-API handlers exist only where this is referenced.</summary>
    public INamedTypeSymbol? EndpointRouteBuilderExtensions => _endpointRouteBuilderExtensions.Value;

    /// <summary><c>Mariachi.MariachiError</c>, the base of every typed error.</summary>
    public INamedTypeSymbol? MariachiError => _mariachiError.Value;

    /// <summary><c>Mariachi.Communication.IProcedureModule</c>: a type that registers procedures is service code.</summary>
    public INamedTypeSymbol? ProcedureModule => _procedureModule.Value;

    /// <summary><c>Mariachi.Communication.ProcedureCatalogEntryAttribute</c>: what the catalog generator writes (absent before 0.2).</summary>
    public INamedTypeSymbol? ProcedureCatalogEntryAttribute => _procedureCatalogEntryAttribute.Value;
    /// <summary><c>Microsoft.Extensions.Hosting.IHostedService</c> (and so <c>BackgroundService</c>): code that runs on its own.</summary>
    public INamedTypeSymbol? HostedService => _hostedService.Value;

    /// <summary>The identities of the referenced assemblies, in the module's order (read without making a symbol).</summary>
    public ImmutableArray<AssemblyIdentity> ReferencedIdentities => _assemblies.Value.Identities;

    /// <summary>The symbol of the referenced assembly at <paramref name="index"/> of <see cref="ReferencedIdentities"/>.</summary>
    public IAssemblySymbol? ReferencedAssembly(int index) => _assemblies.Value.Symbol(index);

    /// <summary>
    /// The identity of the referenced Mariachi.Abstractions; null when it is not referenced or is the assembly being
    /// compiled. Its metadata never changes, so what is read from it can be kept with the identity.
    /// </summary>
    public AssemblyIdentity? MariachiIdentity => _assemblies.Value.IndexOf(MariachiAssemblyName) is var i && i >= 0 ? _assemblies.Value.Identities[i] : null;

    /// <summary>Mariachi.Abstractions (referenced or compiled), found by name: no type of it is resolved.</summary>
    public IAssemblySymbol? MariachiAssembly => _assemblies.Value.AssemblyNamed(MariachiAssemblyName);

    /// <summary>True when a Mariachi adapter assembly (<c>Mariachi.Adapters.*</c>) is referenced (MAR0010).</summary>
    public bool ReferencesAdapters => _assemblies.Value.HasAdapters;

    /// <summary>
    /// True when Mariachi.Abstractions is referenced (or compiled): read from the references' names, no symbol is
    /// resolved. A rule whose every finding needs a Mariachi type asks this before anything else.
    /// </summary>
    public bool ReferencesMariachi => _assemblies.Value.HasMariachi;

    /// <summary>True when the compilation references a test framework (xunit, NUnit or MSTest), from the references' names.</summary>
    public bool IsTestProject => _assemblies.Value.HasTestFramework;

    /// <summary>True when an assembly named <paramref name="assemblyName"/> is referenced (by name, no symbol resolved).</summary>
    public bool References(string assemblyName) => _assemblies.Value.IndexOf(assemblyName) >= 0;

    /// <summary>True when Mariachi.Abstractions is referenced and declares <c>Mariachi.Context</c>.</summary>
    public bool HasMariachi => ReferencesMariachi && Context is not null;

    /// <summary>
    /// The symbols of <paramref name="compilation"/>, shared by every rule and the catalog generator that analyze it:
    /// each type is resolved once per compilation, not once per rule (and freed with the compilation).
    /// </summary>
    public static KnownSymbols Create(Compilation compilation) => Shared.GetValue(compilation, NewFor);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols> Shared = new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols>();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownSymbols>.CreateValueCallback NewFor = c => new KnownSymbols(c);

    /// <summary>
    /// Finds each type in the assembly that defines it. <c>Compilation.GetTypeByMetadataName</c> searches the source
    /// and every reference (hundreds with the shared framework) and, the first time, loads their namespaces: it
    /// was most of the cost of the rules that need few symbols. A look-alike declared elsewhere does not count.
    /// </summary>
    private static Lazy<INamedTypeSymbol?> Lookup(Func<INamedTypeSymbol?> find) =>
        new Lazy<INamedTypeSymbol?>(find, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// The compilation's references. Their names come from one pass over the identities the source module keeps
    /// (strings only: no symbol is made, no metadata read), which decides the cheap questions every rule asks first
    /// (is Mariachi referenced, an adapter, a test framework). The assembly symbols are asked for only when a rule
    /// resolves a type; which references Microsoft signed only when <see cref="ContextReach"/> needs them.
    /// </summary>
    private sealed class Assemblies
    {
        private readonly Compilation _compilation;
        private readonly Lazy<ImmutableArray<IAssemblySymbol>> _symbols;

        public Assemblies(Compilation compilation)
        {
            _compilation = compilation;
            Identities = compilation.SourceModule.ReferencedAssemblies;
            _symbols = new Lazy<ImmutableArray<IAssemblySymbol>>(() => compilation.SourceModule.ReferencedAssemblySymbols, LazyThreadSafetyMode.PublicationOnly);
            HasMariachi = compilation.AssemblyName == MariachiAssemblyName;
            foreach (var identity in Identities)
            {
                var name = identity.Name;
                if (name.StartsWith("Mariachi.", StringComparison.Ordinal))
                {
                    HasMariachi |= name == MariachiAssemblyName;
                    HasAdapters |= name.StartsWith(AdapterTypes.AdapterAssemblyPrefix, StringComparison.Ordinal);
                }
                else
                {
                    HasTestFramework |= IsTestFramework(name);
                }
            }
        }

        public ImmutableArray<AssemblyIdentity> Identities { get; }

        public bool HasMariachi { get; }

        public bool HasAdapters { get; }

        public bool HasTestFramework { get; }

        /// <summary>The index of the last reference named <paramref name="assemblyName"/>; -1 when there is none.</summary>
        public int IndexOf(string assemblyName)
        {
            for (var i = Identities.Length - 1; i >= 0; i--)
            {
                if (string.Equals(Identities[i].Name, assemblyName, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The type from assembly <paramref name="assemblyName"/>; null when that assembly is not referenced.</summary>
        public INamedTypeSymbol? Find(string assemblyName, string metadataName)
        {
            if (AssemblyNamed(assemblyName) is not { } assembly)
            {
                return null;
            }

            // A reference assembly may forward the type elsewhere: then the compilation-wide search resolves it.
            return assembly.GetTypeByMetadataName(metadataName) ?? FromAssemblyNamed(assemblyName, metadataName);
        }

        /// <summary>A type of the core library (System.Runtime, netstandard, mscorlib or System.Private.CoreLib).</summary>
        public INamedTypeSymbol? FromCoreLibrary(string metadataName) =>
            _compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly?.GetTypeByMetadataName(metadataName)
            ?? _compilation.GetTypeByMetadataName(metadataName);

        /// <summary>The assembly named <paramref name="assemblyName"/>: the one being compiled (Mariachi.Abstractions itself, in this repository), else the last reference so named.</summary>
        public IAssemblySymbol? AssemblyNamed(string assemblyName)
        {
            if (string.Equals(_compilation.AssemblyName, assemblyName, StringComparison.Ordinal))
            {
                return _compilation.Assembly;
            }

            var symbol = Symbol(IndexOf(assemblyName));
            return symbol is null || symbol.Name == assemblyName ? symbol : _symbols.Value.LastOrDefault(s => s.Name == assemblyName);
        }

        /// <summary>The symbol of the reference at <paramref name="index"/> (the module keeps identities and symbols in one order).</summary>
        public IAssemblySymbol? Symbol(int index)
        {
            var symbols = _symbols.Value;
            return index >= 0 && index < symbols.Length ? symbols[index] : null;
        }

        private INamedTypeSymbol? FromAssemblyNamed(string assemblyName, string metadataName)
        {
            var type = _compilation.GetTypeByMetadataName(metadataName);
            return assemblyName != MariachiAssemblyName || type?.ContainingAssembly?.Name == MariachiAssemblyName ? type : null;
        }

        private static bool IsTestFramework(string name) =>
            name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || name.Equals("nunit.framework", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.VisualStudio.TestPlatform.TestFramework", StringComparison.Ordinal)
            || name.Equals("MSTest.TestFramework", StringComparison.OrdinalIgnoreCase);
    }

    public bool IsContext(ITypeSymbol? type) =>
        Context is not null && type is not null && SymbolEqualityComparer.Default.Equals(type, Context);
}
