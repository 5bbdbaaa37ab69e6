using System;
using System.Collections.Generic;
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
        var assemblies = new Lazy<Assemblies>(() => new Assemblies(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
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

    /// <summary>The referenced assemblies not signed by Microsoft: the only ones that can be built on Mariachi.</summary>
    public IReadOnlyList<IAssemblySymbol> ReferencesNotSignedByMicrosoft => _assemblies.Value.NotSignedByMicrosoft;

    /// <summary>True when a Mariachi adapter assembly (<c>Mariachi.Adapters.*</c>) is referenced (MAR0010).</summary>
    public bool ReferencesAdapters => _assemblies.Value.HasAdapters;

    /// <summary>True when Mariachi.Abstractions is referenced.</summary>
    public bool HasMariachi => Context is not null;

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
        new Lazy<INamedTypeSymbol?>(find, System.Threading.LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// The compilation's references, read in one pass (a project has hundreds; each pass over them is a measurable
    /// part of a rule's fixed cost): by name, whether an adapter assembly is among them, and those not signed by
    /// Microsoft (the only ones that can be built on Mariachi).
    /// </summary>
    private sealed class Assemblies
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<string, IAssemblySymbol> _byName;

        public Assemblies(Compilation compilation)
        {
            _compilation = compilation;
            var references = compilation.SourceModule.ReferencedAssemblySymbols;
            _byName = new Dictionary<string, IAssemblySymbol>(references.Length + 1, StringComparer.Ordinal);
            var notMicrosoft = new List<IAssemblySymbol>();
            foreach (var assembly in references)
            {
                var identity = assembly.Identity;
                _byName[identity.Name] = assembly;
                if (!FrameworkKeys.IsSignedByMicrosoft(identity))
                {
                    notMicrosoft.Add(assembly);
                    HasAdapters |= identity.Name.StartsWith(AdapterTypes.AdapterAssemblyPrefix, StringComparison.Ordinal);
                }
            }

            NotSignedByMicrosoft = notMicrosoft;

            // The project being compiled may be one of them (Mariachi.Abstractions itself, in this repository).
            _byName[compilation.Assembly.Name] = compilation.Assembly;
        }

        public IReadOnlyList<IAssemblySymbol> NotSignedByMicrosoft { get; }

        public bool HasAdapters { get; }

        /// <summary>The type from assembly <paramref name="assemblyName"/>; null when that assembly is not referenced.</summary>
        public INamedTypeSymbol? Find(string assemblyName, string metadataName)
        {
            if (!_byName.TryGetValue(assemblyName, out var assembly))
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

        private INamedTypeSymbol? FromAssemblyNamed(string assemblyName, string metadataName)
        {
            var type = _compilation.GetTypeByMetadataName(metadataName);
            return assemblyName != MariachiAssemblyName || type?.ContainingAssembly?.Name == MariachiAssemblyName ? type : null;
        }
    }

    public bool IsContext(ITypeSymbol? type) =>
        Context is not null && type is not null && SymbolEqualityComparer.Default.Equals(type, Context);
}
