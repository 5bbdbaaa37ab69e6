using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Where code "references" a type, the way MAR0001 counts it: each type name written in a type position (declarations,
/// type arguments, typeof, casts, patterns, ...) and each use of a member declared on the type. Not: <c>using</c>
/// directives, <c>nameof</c>, XML doc references (none of them are type positions or member uses).
/// </summary>
internal static class TypeReferences
{
    /// <summary>The syntax that carries type syntax: declarations, type arguments, typeof, casts, patterns.</summary>
    public static readonly SyntaxKind[] TypeBearingKinds =
    {
        SyntaxKind.VariableDeclaration,
        SyntaxKind.PropertyDeclaration,
        SyntaxKind.IndexerDeclaration,
        SyntaxKind.EventDeclaration,
        SyntaxKind.MethodDeclaration,
        SyntaxKind.LocalFunctionStatement,
        SyntaxKind.DelegateDeclaration,
        SyntaxKind.OperatorDeclaration,
        SyntaxKind.ConversionOperatorDeclaration,
        SyntaxKind.ParenthesizedLambdaExpression,
        SyntaxKind.Parameter,
        SyntaxKind.TypeArgumentList,
        SyntaxKind.TypeOfExpression,
        SyntaxKind.DefaultExpression,
        SyntaxKind.CastExpression,
        SyntaxKind.AsExpression,
        SyntaxKind.IsExpression,
        SyntaxKind.ObjectCreationExpression,
        SyntaxKind.ArrayCreationExpression,
        SyntaxKind.DeclarationExpression,
        SyntaxKind.DeclarationPattern,
        SyntaxKind.TypePattern,
        SyntaxKind.RecursivePattern,
        SyntaxKind.ForEachStatement,
        SyntaxKind.CatchDeclaration,
        SyntaxKind.TypeConstraint,
    };

    /// <summary>The operations that use a member: calls, property/field/event access, method groups.</summary>
    public static bool IsMemberUseKind(OperationKind kind) =>
        kind is OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.EventReference or OperationKind.MethodReference;

    /// <summary>
    /// The type names a type-bearing node (one of <see cref="TypeBearingKinds"/>) writes: its type with nullable,
    /// array, pointer, ref and tuple wrappers taken off, or the arguments of a type argument list. The type arguments
    /// of a generic name are not included: their own <c>TypeArgumentList</c> node yields them.
    /// </summary>
    public static void CollectNames(SyntaxNode node, List<NameSyntax> names)
    {
        if (node is TypeArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                CollectNames(argument, names);
            }

            return;
        }

        CollectNames(DeclaredType(node), names);
    }

    /// <summary>
    /// The member <paramref name="operation"/> (of a <see cref="IsMemberUseKind"/> kind) uses, or null: implicit
    /// operations, the members set by an object initializer (its type syntax counts) and field declarations. A use
    /// inside <c>nameof</c> is not a reference either; <see cref="IsInNameOf"/> walks every ancestor, so a rule asks it
    /// only for a member it would report.
    /// </summary>
    public static ISymbol? UsedMember(IOperation operation)
    {
        if (operation.IsImplicit)
        {
            return null;
        }

        return operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property when !IsInitializerTarget(property.Instance) => property.Property,
            IFieldReferenceOperation field when !IsInitializerTarget(field.Instance) && !field.IsDeclaration => field.Field,
            IEventReferenceOperation @event when !IsInitializerTarget(@event.Instance) => @event.Event,
            IMethodReferenceOperation method => method.Method,
            _ => (ISymbol?)null,
        };
    }

    private static void CollectNames(TypeSyntax? type, List<NameSyntax> names)
    {
        switch (type)
        {
            case NullableTypeSyntax nullable:
                CollectNames(nullable.ElementType, names);
                return;
            case ArrayTypeSyntax array:
                CollectNames(array.ElementType, names);
                return;
            case PointerTypeSyntax pointer:
                CollectNames(pointer.ElementType, names);
                return;
            case RefTypeSyntax reference:
                CollectNames(reference.Type, names);
                return;
            case ScopedTypeSyntax scoped:
                CollectNames(scoped.Type, names);
                return;
            case TupleTypeSyntax tuple:
                foreach (var element in tuple.Elements)
                {
                    CollectNames(element.Type, names);
                }

                return;
            case NameSyntax name when !name.IsVar:
                names.Add(name);
                return;
        }
    }

    /// <summary>The type syntax a type-bearing node (one of <see cref="TypeBearingKinds"/>) carries, if any.</summary>
    public static TypeSyntax? DeclaredType(SyntaxNode node) => node switch
    {
        VariableDeclarationSyntax declaration => declaration.Type,
        BasePropertyDeclarationSyntax property => property.Type,
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        DelegateDeclarationSyntax @delegate => @delegate.ReturnType,
        OperatorDeclarationSyntax @operator => @operator.ReturnType,
        ConversionOperatorDeclarationSyntax conversion => conversion.Type,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ReturnType,
        ParameterSyntax parameter => parameter.Type,
        TypeOfExpressionSyntax typeOf => typeOf.Type,
        DefaultExpressionSyntax @default => @default.Type,
        CastExpressionSyntax cast => cast.Type,
        BinaryExpressionSyntax binary => binary.Right as TypeSyntax,
        ObjectCreationExpressionSyntax creation => creation.Type,
        ArrayCreationExpressionSyntax array => array.Type,
        DeclarationExpressionSyntax declarationExpression => declarationExpression.Type,
        DeclarationPatternSyntax declarationPattern => declarationPattern.Type,
        TypePatternSyntax typePattern => typePattern.Type,
        RecursivePatternSyntax recursive => recursive.Type,
        ForEachStatementSyntax forEach => forEach.Type,
        CatchDeclarationSyntax @catch => @catch.Type,
        TypeConstraintSyntax constraint => constraint.Type,
        _ => null,
    };

    /// <summary>A member set in an object initializer (<c>new X { Name = ... }</c>): the type syntax was reported.</summary>
    public static bool IsInitializerTarget(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    public static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
