using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The runtime's type checks of a call against a registration (<c>InProcessCommunication</c> and
/// <c>ProcedureHandler&lt;TIn, TOut&gt;</c>), asked of static types: a call is reported only when it fails for
/// every value its static types allow. A table test runs the same pairs through the runtime and through this.
/// </summary>
internal static class ProcedureTypeRule
{
    /// <summary>
    /// The output check: a requested type unrelated to the registered one either way
    /// (<c>requested != registered &amp;&amp; !requested.IsAssignableFrom(registered) &amp;&amp; !registered.IsAssignableFrom(requested)</c>).
    /// </summary>
    public static bool OutputMismatches(ITypeSymbol requested, ITypeSymbol registered, Compilation compilation) =>
        IsKnown(requested) && IsKnown(registered)
        && !IsAssignableFrom(requested, registered, compilation)
        && !IsAssignableFrom(registered, requested, compilation);

    /// <summary>
    /// The input check (<c>input is TIn</c>, or null for a <typeparamref name="TIn"/> that admits null) for every
    /// value of static type <paramref name="input"/> (null: the null literal): true when none passes.
    /// </summary>
    public static bool InputMismatches(ITypeSymbol? input, ITypeSymbol registered, Compilation compilation)
    {
        if (!IsKnown(registered))
        {
            return false;
        }

        if (input is null)
        {
            return registered.IsValueType && !IsNullable(registered, out _);
        }

        if (!IsKnown(input))
        {
            return false;
        }

        // A boxed T? is a boxed T, and `x is T?` is `x is T` for a value that is not null.
        var from = IsNullable(input, out var inputValue) ? inputValue : input;
        var to = IsNullable(registered, out var registeredValue) ? registeredValue : registered;
        if (IsAssignableFrom(to, from, compilation))
        {
            return false;
        }

        // Some value of the static type may still be a TIn: a subclass, an implementation, a boxed value.
        if (compilation is not CSharpCompilation csharp)
        {
            return false;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        return !(conversion.IsExplicit && (conversion.IsReference || conversion.IsUnboxing));
    }

    /// <summary><c>Type.IsAssignableFrom</c>: identity, a reference or boxing conversion, or <c>T?</c> from <c>T</c>.</summary>
    internal static bool IsAssignableFrom(ITypeSymbol to, ITypeSymbol from, Compilation compilation)
    {
        if (SymbolEqualityComparer.Default.Equals(to, from)
            || (IsNullable(to, out var value) && SymbolEqualityComparer.Default.Equals(value, from)))
        {
            return true;
        }

        // Nullable<T> implements no interface: C# boxes it to T's interfaces, Type.IsAssignableFrom does not.
        if (IsNullable(from, out _))
        {
            return to.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType;
        }

        if (compilation is not CSharpCompilation csharp)
        {
            return false;
        }

        var conversion = csharp.ClassifyConversion(from, to);
        return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing));
    }

    /// <summary>False for what static analysis cannot judge: type parameters, dynamic, pointers, error types.</summary>
    private static bool IsKnown(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsKnown(array.ElementType),
        INamedTypeSymbol named => named.TypeKind != TypeKind.Error && !ContainsTypeParameter(named),
        _ => false,
    };

    private static bool ContainsTypeParameter(INamedTypeSymbol type)
    {
        foreach (var argument in type.TypeArguments)
        {
            if (!IsKnown(argument))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNullable(ITypeSymbol type, out ITypeSymbol value)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            value = nullable.TypeArguments[0];
            return true;
        }

        value = type;
        return false;
    }
}
