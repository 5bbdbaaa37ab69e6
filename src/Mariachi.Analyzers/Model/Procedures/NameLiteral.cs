using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The one string literal a constant procedure name is written as, wherever it is declared: the argument itself, the
/// initializer of the <c>const</c> it reads, or the name given to the <c>Procedure</c> handle it passes (through a
/// readonly field, get-only property or local). Null when the name is built (a concatenation, an interpolation,
/// <c>nameof</c>): a fix that rewrites the name has no single place to write it then.
/// </summary>
internal static class NameLiteral
{
    private const int MaxDepth = 8;

    public static LiteralExpressionSyntax? Find(IOperation? value, Compilation compilation) => Find(value, compilation, 0);

    private static LiteralExpressionSyntax? Find(IOperation? value, Compilation compilation, int depth)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        switch (value)
        {
            case ILiteralOperation { Syntax: LiteralExpressionSyntax literal } when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal;
            case IFieldReferenceOperation { Field: { IsConst: true } field }:
                return FromDeclaration(field, compilation, depth);
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        return Find(argument.Value, compilation, depth + 1);
                    }
                }

                return null;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return FromDeclaration(field, compilation, depth);
            case IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property }:
                return FromDeclaration(property, compilation, depth);
            case ILocalReferenceOperation { Local: { } local }:
                return FromDeclaration(local, compilation, depth);
            default:
                return null;
        }
    }

    private static LiteralExpressionSyntax? FromDeclaration(ISymbol symbol, Compilation compilation, int depth)
    {
        if (symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var expression = symbol.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
            _ => null,
        };
        if (expression is null || !compilation.ContainsSyntaxTree(expression.SyntaxTree))
        {
            return null;
        }

        if (expression is LiteralExpressionSyntax literal)
        {
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
        }

        var model = compilation.GetSemanticModel(expression.SyntaxTree);
        return Find(model.GetOperation(expression), compilation, depth + 1);
    }
}
