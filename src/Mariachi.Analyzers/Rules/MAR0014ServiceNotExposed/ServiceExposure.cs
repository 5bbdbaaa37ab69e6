using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0014's engine, one per compilation. Collects the candidate services (source classes that are service types,
/// <see cref="ServiceCode"/>, and neither procedure modules nor hosted services, nor static or abstract), and the
/// source types that are reached: a member called, read or passed as a method group by a <c>Register</c> handler
/// (its declaring type and the receiver's type), or a type written in the members of, created by, or whose
/// members are used by another service, a procedure module or a hosted service (fields, properties, parameters,
/// return types and their type arguments; <c>new</c>, <c>typeof</c>, member uses in bodies). A candidate is
/// exposed when it, a base class or an interface of it from source is reached.
/// </summary>
internal sealed class ServiceExposure
{
    private const int MaxTypeArgumentDepth = 4;

    /// <summary>The operations <see cref="AnalyzeUse"/> looks at.</summary>
    public static readonly OperationKind[] UseKinds =
    {
        OperationKind.Invocation,
        OperationKind.MethodReference,
        OperationKind.PropertyReference,
        OperationKind.FieldReference,
        OperationKind.EventReference,
        OperationKind.ObjectCreation,
        OperationKind.TypeOf,
    };

    private readonly KnownSymbols _symbols;
    private readonly OptionsCache _options;
    private readonly ServiceCode _code;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _candidates = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _reached = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _users = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
    private int _registers;

    public ServiceExposure(KnownSymbols symbols, OptionsCache options)
    {
        _symbols = symbols;
        _options = options;
        _code = new ServiceCode(symbols);
        _assembly = symbols.Compilation.Assembly;
    }

    /// <summary>Records a candidate; in a service, module or hosted service (or a type nested in one), the types its members' signatures reach.</summary>
    public void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var options = _options.For(type.Locations.FirstOrDefault()?.SourceTree);
        if (IsCandidate(type, options))
        {
            _candidates.TryAdd(type, 0);
        }

        if (!IsUser(type))
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol field:
                    Reach(field.Type, type, 0);
                    break;
                case IPropertySymbol property:
                    Reach(property.Type, type, 0);
                    break;
                case IMethodSymbol method:
                    Reach(method.ReturnType, type, 0);
                    foreach (var parameter in method.Parameters)
                    {
                        Reach(parameter.Type, type, 0);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A member use, creation or <c>typeof</c> in the code of a service, module or hosted service: what it reaches.
    /// Registered once per compilation and decided by the code's type (cached), not from a symbol-start action per
    /// type: for each member of a type that registers actions there, the analyzer driver builds that member's own
    /// tables of actions.
    /// </summary>
    public void AnalyzeUse(OperationAnalysisContext context)
    {
        if ((context.ContainingSymbol as INamedTypeSymbol ?? context.ContainingSymbol.ContainingType) is { } type && IsUser(type))
        {
            ReachUse(context.Operation, type);
        }
    }

    private bool IsUser(INamedTypeSymbol type) =>
        _users.GetOrAdd(type, t => IsInUser(t, _options.For(t.Locations.FirstOrDefault()?.SourceTree)));

    /// <summary>A <c>Register</c> call: the compilation registers procedures, and its handler reaches what it uses.</summary>
    public void AnalyzeRegistration(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != ProcedureModel.RegisterName
            || ProcedureModel.HandlerArgument(invocation, _symbols) is not { } handler)
        {
            return;
        }

        // A registration of a name (or handle) the code chooses; not a Register forwarding a caller's name.
        if (ProcedureModel.GetConstantName(invocation, _symbols, out var pending) is not null || pending is not null)
        {
            Interlocked.Exchange(ref _registers, 1);
        }

        var value = handler.Value;
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
        }

        ReachUse(value, from: null);
        if (value is IAnonymousFunctionOperation lambda)
        {
            foreach (var operation in lambda.Body.Descendants())
            {
                ReachUse(operation, from: null);
            }
        }
    }

    public void Report(CompilationAnalysisContext context)
    {
        if (Volatile.Read(ref _registers) == 0)
        {
            return;
        }

        foreach (var candidate in _candidates.Keys)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!IsExposed(candidate) && Location(candidate) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServiceNotExposed, location, candidate.Name));
            }
        }
    }

    private bool IsCandidate(INamedTypeSymbol type, MariachiOptions options) =>
        type.TypeKind == TypeKind.Class
        && !type.IsStatic
        && !type.IsAbstract
        && !type.IsImplicitlyDeclared
        && _code.IsServiceType(type, options)
        && !IsModule(type)
        && !IsHostedService(type);

    /// <summary>A service, procedure module or hosted service, or a type nested in one: its uses count.</summary>
    private bool IsInUser(INamedTypeSymbol type, MariachiOptions options)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (_code.IsServiceType(current, options) || IsHostedService(current))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsModule(INamedTypeSymbol type) =>
        _symbols.ProcedureModule is { } module && type.AllInterfaces.Contains(module, SymbolEqualityComparer.Default);

    private bool IsHostedService(INamedTypeSymbol type) =>
        _symbols.HostedService is { } hosted && type.AllInterfaces.Contains(hosted, SymbolEqualityComparer.Default);

    /// <summary>What one operation uses: a member's type and receiver, a created type, a typeof.</summary>
    private void ReachUse(IOperation operation, INamedTypeSymbol? from)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                ReachMember(invocation.TargetMethod, invocation.Instance, from);
                break;
            case IMethodReferenceOperation method:
                ReachMember(method.Method, method.Instance, from);
                break;
            case IPropertyReferenceOperation property:
                ReachMember(property.Property, property.Instance, from);
                break;
            case IFieldReferenceOperation field:
                ReachMember(field.Field, field.Instance, from);
                break;
            case IEventReferenceOperation @event:
                ReachMember(@event.Event, @event.Instance, from);
                break;
            case IObjectCreationOperation creation:
                Reach(creation.Type, from, 0);
                break;
            case ITypeOfOperation typeOf:
                Reach(typeOf.TypeOperand, from, 0);
                break;
        }
    }

    private void ReachMember(ISymbol member, IOperation? instance, INamedTypeSymbol? from)
    {
        Reach(member.ContainingType, from, MaxTypeArgumentDepth);
        if (instance is { Type: { } receiver })
        {
            Reach(receiver, from, MaxTypeArgumentDepth);
        }

        // An extension method on a service type reaches that type (like MAR0001 counts it).
        if (member is IMethodSymbol { IsExtensionMethod: true } method && (method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters)
        {
            Reach(parameters[0].Type, from, MaxTypeArgumentDepth);
        }
    }

    /// <summary>
    /// Marks a source type reached (and, up to a small depth, its element and type arguments: <c>Lazy&lt;T&gt;</c>,
    /// <c>IEnumerable&lt;T&gt;</c>), unless it is <paramref name="from"/> or a type containing it: a type's own
    /// code does not expose it.
    /// </summary>
    private void Reach(ITypeSymbol? type, INamedTypeSymbol? from, int depth)
    {
        while (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        if (type is not INamedTypeSymbol named)
        {
            return;
        }

        if (depth < MaxTypeArgumentDepth)
        {
            foreach (var argument in named.TypeArguments)
            {
                Reach(argument, from, depth + 1);
            }
        }

        var definition = named.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _assembly) || IsSelf(definition, from))
        {
            return;
        }

        // Most uses reach a type reached before: the lock-free read first (TryAdd takes a lock every time).
        if (!_reached.ContainsKey(definition))
        {
            _reached.TryAdd(definition, 0);
        }
    }

    private static bool IsSelf(INamedTypeSymbol type, INamedTypeSymbol? from)
    {
        for (var current = from; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reached itself, or through a base class or an interface declared in this compilation.</summary>
    private bool IsExposed(INamedTypeSymbol candidate)
    {
        for (var current = candidate; current is not null; current = current.BaseType)
        {
            if (_reached.ContainsKey(current.OriginalDefinition))
            {
                return true;
            }
        }

        foreach (var implemented in candidate.AllInterfaces)
        {
            if (_reached.ContainsKey(implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type's name in its first declaration (by file path, for a partial type).</summary>
    private static Location? Location(INamedTypeSymbol type) =>
        type.Locations
            .Where(location => location.IsInSource)
            .OrderBy(location => location.SourceTree!.FilePath, System.StringComparer.Ordinal)
            .ThenBy(location => location.SourceSpan.Start)
            .FirstOrDefault();
}
