using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>Recognizes the creation of a new flow's Context and the Contexts it competes with.</summary>
internal static class ContextCreation
{
    /// <summary>True for <c>Context.Create(...)</c> or a Context constructor; never for Detached or System.</summary>
    public static bool IsNewFlow(IOperation operation, KnownSymbols symbols) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.Name == "Create"
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.Context),
        IObjectCreationOperation creation => symbols.IsContext(creation.Type),
        _ => false,
    };

    /// <summary>
    /// The Contexts in scope at <paramref name="creation"/>, less the one it initializes (<c>_context = Context.Create()</c>
    /// in a constructor, or a property whose getter creates it).
    /// </summary>
    public static ImmutableArray<ContextCandidate> Competitors(IOperation creation, KnownSymbols symbols)
    {
        var candidates = ContextScope.Find(creation, symbols);
        if (candidates.IsEmpty)
        {
            return candidates;
        }

        var target = AssignedSymbol(creation);
        var defined = (creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart) as IMethodSymbol)?.AssociatedSymbol;
        return candidates
            .Where(c => !SymbolEqualityComparer.Default.Equals(c.Symbol, target) && !SymbolEqualityComparer.Default.Equals(c.Symbol, defined))
            .ToImmutableArray();
    }

    private static ISymbol? AssignedSymbol(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation or ICoalesceOperation or IConditionalOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IParameterReferenceOperation parameter } => parameter.Parameter,
            ICoalesceAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            ICoalesceAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property,
            _ => null,
        };
    }
}
