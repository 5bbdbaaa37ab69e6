using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Rules;

/// <summary>The shared MAR0004 logic; each subclass reports one of the two halves.</summary>
public abstract class DuplicateProcedureNameAnalyzerBase : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _descriptor;
    private readonly bool _compilationWide;

    private protected DuplicateProcedureNameAnalyzerBase(DiagnosticDescriptor descriptor, bool compilationWide)
    {
        _descriptor = descriptor;
        _compilationWide = compilationWide;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // A Register call needs an ICommunication, a Mariachi type: none where no code can reach one (ContextReach).
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken) || !symbols.HasMariachi || symbols.Communication is null)
            {
                return;
            }

            var state = new CompilationState(_descriptor);
            start.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, symbols, state, _compilationWide ? null : _descriptor));
            if (!_compilationWide)
            {
                // Across assemblies: a registration alone decides, so it is reported live, with the in-member half.
                start.RegisterOperationAction(invocation => AnalyzeAgainstReferences(invocation, symbols, _descriptor), OperationKind.Invocation);
                return;
            }

            if (symbols.Procedure is not null)
            {
                start.RegisterOperationAction(
                    initializer => state.RecordInitializer(initializer, symbols),
                    OperationKind.FieldInitializer,
                    OperationKind.PropertyInitializer);
            }

            start.RegisterCompilationEndAction(state.ReportCompilationWide);
        });
    }

    /// <summary>Collects a member's registrations; reports its in-member duplicates when given a descriptor to report them with.</summary>
    private static void AnalyzeBlock(OperationBlockStartAnalysisContext block, KnownSymbols symbols, CompilationState state, DiagnosticDescriptor? liveDescriptor)
    {
        var gate = new object();
        List<Registration>? found = null;
        block.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (invocation.TargetMethod?.Name != "Register" || Registration.Create(invocation, symbols) is not { } registration)
                {
                    return;
                }

                lock (gate)
                {
                    (found ??= new List<Registration>()).Add(registration);
                }
            },
            OperationKind.Invocation);

        block.RegisterOperationBlockEndAction(end =>
        {
            List<Registration>? registrations;
            lock (gate)
            {
                registrations = found;
            }

            if (registrations is null)
            {
                return;
            }

            // Live part: duplicates inside this member.
            foreach (var group in registrations.Where(r => r.Name is not null).GroupBy(r => r.Name!, StringComparer.Ordinal))
            {
                if (group.Count() < 2)
                {
                    continue;
                }

                var members = group.ToList();
                foreach (var registration in members)
                {
                    var conflicts = Conflicts(registration, members);
                    if (conflicts.Count > 0)
                    {
                        registration.ReportedInMember = true;
                        if (liveDescriptor is not null)
                        {
                            end.ReportDiagnostic(Create(liveDescriptor, registration, conflicts));
                        }
                    }
                }
            }

            if (liveDescriptor is null)
            {
                state.Add(registrations);
            }
        });
    }

    /// <summary>A registration of a name that a referenced assembly's catalog already has: reported at the registration.</summary>
    private static void AnalyzeAgainstReferences(OperationAnalysisContext context, KnownSymbols symbols, DiagnosticDescriptor descriptor)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod?.Name != ProcedureModel.RegisterName
            || invocation.Syntax is not InvocationExpressionSyntax syntax
            || CatalogRegistration.Create(invocation, symbols) is not { } registration)
        {
            return;
        }

        var catalogs = ReferencedCatalogs.Get(symbols.Compilation, context.CancellationToken);
        var others = catalogs.Find(registration.Name);
        if (others.Count == 0)
        {
            return;
        }

        var assemblies = string.Join(", ", others.Select(o => "'" + o.Assembly.Name + "'").Distinct(StringComparer.Ordinal));
        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            RegistrationLocation(syntax, ProcedureModel.NameArgument(invocation, symbols)),
            registration.Name,
            $" (also by referenced assembly {assemblies})"));
    }

    /// <summary>From the start of the call to the end of its name argument.</summary>
    internal static Location RegistrationLocation(InvocationExpressionSyntax syntax, IArgumentOperation? argument)
    {
        var end = argument is null || argument.IsImplicit || !syntax.Span.Contains(argument.Syntax.Span) ? syntax.Span.End : argument.Syntax.Span.End;
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }

    /// <summary>The registrations in <paramref name="group"/> that clash with <paramref name="registration"/>.</summary>
    private static List<Registration> Conflicts(Registration registration, IEnumerable<Registration> group) =>
        group.Where(other => !ReferenceEquals(other, registration) && !AreExclusive(registration.Syntax, other.Syntax))
            .OrderBy(other => other.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(other => other.Location.SourceSpan.Start)
            .ToList();

    private static Diagnostic Create(DiagnosticDescriptor descriptor, Registration registration, List<Registration> conflicts) =>
        Diagnostic.Create(
            descriptor,
            registration.Location,
            conflicts.Select(c => c.Location),
            registration.Name,
            string.Empty);

    /// <summary>
    /// True when the two calls sit in different branches of one if/else, or in different sections of one switch
    /// statement (found as their nearest common ancestor), so at most one of them runs.
    /// </summary>
    internal static bool AreExclusive(SyntaxNode first, SyntaxNode second)
    {
        if (first.SyntaxTree != second.SyntaxTree)
        {
            return false;
        }

        var ancestors = new HashSet<SyntaxNode>(first.Ancestors());
        var common = second.Ancestors().FirstOrDefault(ancestors.Contains);
        switch (common)
        {
            case IfStatementSyntax ifStatement when ifStatement.Else is { } elseClause:
                return (Contains(ifStatement.Statement, first) && Contains(elseClause, second))
                    || (Contains(elseClause, first) && Contains(ifStatement.Statement, second));
            case SwitchStatementSyntax switchStatement:
                var firstSection = switchStatement.Sections.FirstOrDefault(s => Contains(s, first));
                var secondSection = switchStatement.Sections.FirstOrDefault(s => Contains(s, second));
                return firstSection is not null && secondSection is not null && firstSection != secondSection;
            default:
                return false;
        }
    }

    private static bool Contains(SyntaxNode container, SyntaxNode node) => container.Span.Contains(node.Span);

    /// <summary>One <c>Register</c> call with its name (or the field/property that holds its Procedure handle).</summary>
    private sealed class Registration
    {
        private Registration(SyntaxNode syntax, Location location, string? name, ISymbol? pendingMember)
        {
            Syntax = syntax;
            Location = location;
            Name = name;
            PendingMember = pendingMember;
        }

        public SyntaxNode Syntax { get; }

        /// <summary>From the start of the call to the end of its name argument.</summary>
        public Location Location { get; }

        public string? Name { get; set; }

        /// <summary>A field or property declared elsewhere whose initializer holds the name.</summary>
        public ISymbol? PendingMember { get; }

        /// <summary>Set when the member's own analysis reported it; compilation end then leaves it alone.</summary>
        public bool ReportedInMember { get; set; }

        public static Registration? Create(IInvocationOperation invocation, KnownSymbols symbols)
        {
            var argument = ProcedureModel.NameArgument(invocation, symbols);
            if (argument is null || invocation.Syntax is not InvocationExpressionSyntax syntax)
            {
                return null;
            }

            var name = ProcedureModel.GetConstantName(invocation, symbols, out var pending);
            if (name is null && pending is null)
            {
                return null;
            }

            return new Registration(syntax, RegistrationLocation(syntax, argument), name, name is null ? pending : null);
        }
    }

    /// <summary>The registrations of the whole compilation and the names held by Procedure fields and properties.</summary>
    private sealed class CompilationState(DiagnosticDescriptor descriptor)
    {
        private readonly ConcurrentQueue<Registration> _registrations = new ConcurrentQueue<Registration>();
        private readonly ConcurrentDictionary<ISymbol, string> _initializers = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);

        public void Add(List<Registration> registrations)
        {
            foreach (var registration in registrations)
            {
                _registrations.Enqueue(registration);
            }
        }

        public void RecordInitializer(OperationAnalysisContext context, KnownSymbols symbols)
        {
            var (members, value) = context.Operation switch
            {
                IFieldInitializerOperation field => (field.InitializedFields.CastArray<ISymbol>(), field.Value),
                IPropertyInitializerOperation property => (property.InitializedProperties.CastArray<ISymbol>(), property.Value),
                _ => (ImmutableArray<ISymbol>.Empty, null),
            };
            // Only Procedure fields and properties can be pending at a registration: skip the other initializers
            // (every string constant of the compilation) without evaluating them.
            if (members.IsDefaultOrEmpty || value is null || !members.Any(member => IsProcedure(member, symbols)))
            {
                return;
            }

            var name = ProcedureModel.GetConstantNameOfValue(value, symbols);
            if (name is null)
            {
                return;
            }

            foreach (var member in members)
            {
                _initializers[member] = name;
            }
        }

        private static bool IsProcedure(ISymbol member, KnownSymbols symbols) =>
            (member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            }) is INamedTypeSymbol type
            && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.Procedure);

        public void ReportCompilationWide(CompilationAnalysisContext context)
        {
            var all = _registrations.ToList();
            foreach (var registration in all)
            {
                if (registration.Name is null && registration.PendingMember is { } member && _initializers.TryGetValue(member, out var name))
                {
                    registration.Name = name;
                }
            }

            foreach (var group in all.Where(r => r.Name is not null).GroupBy(r => r.Name!, StringComparer.Ordinal))
            {
                var members = group.ToList();
                if (members.Count < 2 || members.All(r => r.ReportedInMember))
                {
                    continue;
                }

                foreach (var registration in members)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (registration.ReportedInMember)
                    {
                        continue;
                    }

                    var conflicts = Conflicts(registration, members);
                    if (conflicts.Count > 0)
                    {
                        context.ReportDiagnostic(Create(descriptor, registration, conflicts));
                    }
                }
            }
        }
    }
}
