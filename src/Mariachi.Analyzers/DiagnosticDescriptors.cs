using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers;

/// <summary>The single catalog of Mariachi diagnostics; every rule takes its descriptor from here.</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "Mariachi";
    private const string DuplicateProcedureNameTitle = "Duplicate procedure name";
    private const string DuplicateProcedureNameMessage = "Procedure '{0}' is registered more than once{1}; procedure names must be globally unique";
    private const string DuplicateProcedureNameDescription = "Procedure names are globally unique. A second registration of a name fails at run time; this rule reports it at compile time.";
    private const string HelpLinkBase = "https://github.com/mariachi-dotnet/mariachi/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor ControllerReferencesService = Create(
        DiagnosticIds.ControllerReferencesService,
        "Controller references a service",
        "Controller code {0} service type '{1}'; {2}",
        "Controllers reach services only through the communication layer (communication.CallAsync(\"orders.create\", ctx, input)), so services can move, be wrapped by middleware, or run in another process without changing controllers.");

    public static readonly DiagnosticDescriptor EnvironmentReadOutsideConfig = Create(
        DiagnosticIds.EnvironmentReadOutsideConfig,
        "Environment variable read outside the config layer",
        "'{0}' reads the environment outside the config layer; read the setting through IConfiguration or options instead",
        "Configuration flows through the config layer, where it is validated on start. Direct environment reads scatter configuration and bypass validation. Entry points may read the allow-listed startup values (PORT, ADMIN_PORT, WEBHOOK_PORT by default).");

    public static readonly DiagnosticDescriptor ContextNotForwarded = Create(
        DiagnosticIds.ContextNotForwarded,
        "Context not forwarded",
        "{0}; pass the Context '{1}' that is in scope",
        "Every operation takes the caller's Context as its first argument and passes it on, so trace id, tenant and user follow the whole flow.");

    /// <summary>MAR0004 across the compilation: needs every file, so it runs at compilation end (builds, full analysis).</summary>
    public static readonly DiagnosticDescriptor DuplicateProcedureName = Create(
        DiagnosticIds.DuplicateProcedureName,
        DuplicateProcedureNameTitle,
        DuplicateProcedureNameMessage,
        DuplicateProcedureNameDescription,
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// MAR0004 within one member, and against the catalogs of referenced assemblies: the same rule, reported by its own analyzer without the CompilationEnd tag so
    /// the IDE shows it while typing (an analyzer with any CompilationEnd descriptor only runs in full analysis).
    /// </summary>
    public static readonly DiagnosticDescriptor DuplicateProcedureNameInMember = Create(
        DiagnosticIds.DuplicateProcedureName,
        DuplicateProcedureNameTitle,
        DuplicateProcedureNameMessage,
        DuplicateProcedureNameDescription);

    public static readonly DiagnosticDescriptor ContextCreatedMidFlow = Create(
        DiagnosticIds.ContextCreatedMidFlow,
        "New Context created mid-flow",
        "A new Context is created while Context '{0}' is in scope; use it instead (or Context.Detached/Context.System for a deliberate new flow)",
        "A flow has one Context, created at its entry point. Creating another mid-flow loses the trace id, tenant and user of the request.");

    public static readonly DiagnosticDescriptor DataAccessInController = Create(
        DiagnosticIds.DataAccessInController,
        "Data access in controller or facade code",
        "{1} code references data-access type '{0}'; move the data access into a service and call its procedure through ICommunication.CallAsync",
        "Requests flow Facade -> Controller -> Communication -> Service: controllers and the HTTP pipeline (middleware, filters) never touch repositories, DbContexts or database connections. Data access belongs to services, where tenant isolation and soft deletes are applied. Dependency-injection registrations and start-up code are not reported.");

    public static readonly DiagnosticDescriptor HttpTypeInService = Create(
        DiagnosticIds.HttpTypeInService,
        "HTTP server type in service code",
        "Service code references HTTP server type '{0}'; take what the operation needs from the Context or its input",
        "Services run behind the communication layer, in-process or over NATS, where no HTTP request exists: the facade turns the request into a Context (trace, tenant, user) and an input. HTTP clients (HttpClient, IHttpClientFactory) are not server types and are not reported.");

    public static readonly DiagnosticDescriptor ContextNotFirst = Create(
        DiagnosticIds.ContextNotFirst,
        "Operation does not take the Context first",
        "Operation '{0}' {1}",
        "Every operation of a service or procedure module takes the caller's Context (trace id, tenant, user) as its first parameter, so the flow can pass it on. Operations are the public or internal Task/ValueTask-returning or async methods of service types and procedure modules; overrides and implementations of members declared outside the compilation (IHostedService.StartAsync, DisposeAsync) are not.");

    public static readonly DiagnosticDescriptor RawExceptionInService = Create(
        DiagnosticIds.RawExceptionInService,
        "Raw exception thrown from service code",
        "Service code throws '{0}', which is not a MariachiError; throw a typed error (here '{1}') so callers get an error code and its HTTP status",
        "Errors are typed: every error a service raises is a MariachiError with a code that maps to an HTTP status and survives a trip over NATS. A raw exception reaches callers as 'internal' (500) with its message lost. Guard clauses (ArgumentException and its family), cancellation and ObjectDisposedException are not reported.");

    public static readonly DiagnosticDescriptor AdapterUsedDirectly = Create(
        DiagnosticIds.AdapterUsedDirectly,
        "Adapter used directly in application code",
        "{0} Mariachi adapter '{1}'; depend on {2} and let dependency injection provide the adapter",
        "Application code depends on Mariachi's abstractions (ICommunication, IRepository<T>, IEventBus), never on an adapter: the in-memory adapters become EF Core or NATS by changing one registration, and tests swap them freely.");

    /// <summary>MAR0012: reported live at the call, against the compilation's catalog (built once per compilation).</summary>
    public static readonly DiagnosticDescriptor UnknownProcedure = Create(
        DiagnosticIds.UnknownProcedure,
        "Unknown procedure",
        "Procedure '{0}' is not registered by this project or the projects it references{1}",
        "A call of a procedure that nothing registers fails at run time with communication/not-found. Checked in projects that register procedures or reference a project that does (its catalog, written by the Mariachi analyzers); a pure client of another process is not checked.");

    /// <summary>MAR0013: reported live at the call, against the compilation's catalog (built once per compilation).</summary>
    public static readonly DiagnosticDescriptor CallDoesNotMatchRegistration = Create(
        DiagnosticIds.CallDoesNotMatchRegistration,
        "Call does not match the registration",
        "Procedure '{0}' {1} '{2}', but this call {3} '{4}'; it fails at run time with communication/type-mismatch",
        "A call whose input cannot be of the registered input type, or whose requested output type is unrelated to the registered one, fails at run time with communication/type-mismatch. The check is the runtime's, asked of the call's static types: a call that some value could pass is not reported.");

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption,
        "Invalid Mariachi option",
        "Mariachi option '{0}' = '{1}' is invalid: {2}",
        "Options under 'mariachi.' in .editorconfig or .globalconfig that are unknown or do not parse are reported instead of being silently ignored.");

    public static readonly DiagnosticDescriptor InvalidProcedureOrEventName = Create(
        DiagnosticIds.InvalidProcedureOrEventName,
        "Invalid procedure or event name",
        "{0} name '{1}' is invalid: {2}; {3}",
        "A procedure name is two or more lowercase dot-separated segments (orders.create); an event name is exactly three (domain.entity.verb, orders.order.created); a segment starts with a letter and holds a-z, 0-9, '-' or '_'. The runtime throws communication/invalid-name or events/invalid-name for any other name; this rule checks constant names at compile time with the same rule.");

    /// <summary>MAR0014 needs every file (who calls a service), so it runs at compilation end only.</summary>
    public static readonly DiagnosticDescriptor ServiceNotExposed = Create(
        DiagnosticIds.ServiceNotExposed,
        "Service not exposed as a procedure",
        "Service '{0}' is not exposed as a procedure: no Register handler calls it and no other service, procedure module or hosted service uses it; register a procedure whose handler calls it, or remove it",
        "Every service is reached through the communication layer (handler-for-every-service): a Register handler calls it, or another service, a procedure module or a hosted service uses it. A service nothing reaches is dead code, or a procedure someone forgot to register and callers will get communication/not-found. Checked in compilations that register at least one procedure.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// MAR0015, reported only by the mariachi tool (`mariachi check`), which sees the test projects of the whole
    /// solution; no analyzer of this assembly reports it (<see cref="ToolOnly"/>).
    /// </summary>
    public static readonly DiagnosticDescriptor ServiceWithoutTest = Create(
        DiagnosticIds.ServiceWithoutTest,
        "Service without a test",
        "Service '{0}' has no test: no test project references it or calls a procedure it serves{1}; add a test that does",
        "Every service has a test (test-for-every-service): a test project references the service type, or calls one of the procedures it serves, directly or through the projects it references (an HTTP test of the API that calls them counts). Checked by `mariachi check` over the whole solution, when the solution has at least one test project.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>The descriptors only the mariachi tool reports (solution-wide checks); no analyzer supports them.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> ToolOnly = ImmutableArray.Create(ServiceWithoutTest);

    /// <summary>MAR0901: a mariachi-baseline.json that does not read, reported at the offending character of the file.</summary>
    public static readonly DiagnosticDescriptor InvalidBaseline = Create(
        DiagnosticIds.InvalidBaseline,
        "Invalid Mariachi baseline",
        "The Mariachi baseline is invalid: {0}; it suppresses nothing until it is corrected or written again with 'mariachi baseline'",
        "mariachi-baseline.json lists the findings a team accepts in existing code; the build suppresses them and reports only new ones. A file that does not read (a merge conflict, a hand edit) would silently bring every accepted finding back, so it is reported instead.");

    /// <summary>Every descriptor, for tests that keep the docs and release tracking in sync.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        ControllerReferencesService,
        EnvironmentReadOutsideConfig,
        ContextNotForwarded,
        DuplicateProcedureName,
        DuplicateProcedureNameInMember,
        ContextCreatedMidFlow,
        DataAccessInController,
        HttpTypeInService,
        ContextNotFirst,
        RawExceptionInService,
        AdapterUsedDirectly,
        InvalidProcedureOrEventName,
        UnknownProcedure,
        CallDoesNotMatchRegistration,
        ServiceNotExposed,
        ServiceWithoutTest,
        InvalidOption,
        InvalidBaseline);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description, params string[] customTags) =>
        new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description,
            HelpLinkBase + id + ".md",
            customTags);
}
