using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// MAR0009's engine: which thrown exceptions are raw (not a <c>MariachiError</c> and not one of the exempt
/// families), and which typed error replaces a <c>new</c> one. Shared by the analyzer and its fix.
/// </summary>
internal static class RawExceptions
{
    /// <summary>Guard clauses, cancellation and use after dispose keep their .NET exceptions.</summary>
    private static readonly string[] ExemptBases =
    {
        "System.ArgumentException",
        "System.OperationCanceledException",
        "System.ObjectDisposedException",
    };

    /// <summary>
    /// The raw exception <paramref name="throwOperation"/> throws (its value, conversions removed), or null: <c>throw;</c>,
    /// a caught exception thrown again, a <c>MariachiError</c>, an exempt family, or a type that does not resolve.
    /// </summary>
    public static IOperation? RawThrown(IThrowOperation throwOperation, KnownSymbols symbols)
    {
        var thrown = throwOperation.Exception;
        while (thrown is IConversionOperation { IsImplicit: true } conversion)
        {
            thrown = conversion.Operand;
        }

        if (thrown is null
            || thrown.Type is not INamedTypeSymbol type
            || type.TypeKind == TypeKind.Error
            || IsCaughtException(thrown)
            || DerivesFrom(type, symbols.MariachiError)
            || ExemptBases.Any(name => DerivesFrom(type, name)))
        {
            return null;
        }

        return thrown;
    }

    /// <summary>
    /// The typed error that replaces <paramref name="exception"/>: the error type's metadata name and the
    /// <c>ErrorCodes</c> member path of its code.
    /// </summary>
    public static (string ErrorType, string Code) Replacement(ITypeSymbol exception) =>
        exception.ToDisplayString() switch
        {
            "System.Collections.Generic.KeyNotFoundException" => ("Mariachi.NotFoundError", "NotFound"),
            "System.UnauthorizedAccessException" => ("Mariachi.AuthError", "Auth.Forbidden"),
            _ => ("Mariachi.MariachiError", "Internal"),
        };

    private static bool IsCaughtException(IOperation thrown) =>
        thrown is ILocalReferenceOperation local
        && local.Local.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is CatchDeclarationSyntax);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string metadataName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == metadataName.Substring(metadataName.LastIndexOf('.') + 1) && current.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }
}
