using System;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// What the generator writes for one registration: the name and both types as C# text. Compared by value, so the
/// incremental pipeline sees that an edit changed no registration. No location: moving a registration does not
/// change the catalog.
/// </summary>
internal sealed class CatalogEntry : IEquatable<CatalogEntry>
{
    internal static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private CatalogEntry(string name, string input, string output, bool typed, bool inputNullable = false, bool outputNullable = false)
    {
        Name = name;
        Input = input;
        Output = output;
        Typed = typed;
        InputNullable = inputNullable;
        OutputNullable = outputNullable;
    }

    public string Name { get; }

    /// <summary>The input type: <c>typeof</c> operand text when <see cref="Typed"/>, else its display name.</summary>
    public string Input { get; }

    public string Output { get; }

    /// <summary>
    /// True when both types can be named at assembly level. Otherwise (a private nested or file-local type, a type
    /// parameter, <c>dynamic</c>, an unresolved type) the entry carries both display names instead of types.
    /// </summary>
    public bool Typed { get; }

    /// <summary>True when a typed entry's input is a nullable reference type (written as the attribute's <c>InputNullable</c>).</summary>
    public bool InputNullable { get; }

    public bool OutputNullable { get; }

    /// <param name="registration">The registration read from the code.</param>
    /// <param name="compilation">The compilation it is written into.</param>
    /// <param name="writesNullable">True when the compilation's attribute declares <c>InputNullable</c> and <c>OutputNullable</c> (an older Mariachi.Abstractions does not).</param>
    public static CatalogEntry Create(Mariachi.Analyzers.Core.OwnRegistration registration, Compilation compilation, bool writesNullable)
    {
        var typed = CanName(registration.Input, compilation) && CanName(registration.Output, compilation);
        return typed
            ? new CatalogEntry(
                registration.Name,
                registration.Input.ToDisplayString(TypeOfFormat),
                registration.Output.ToDisplayString(TypeOfFormat),
                typed: true,
                writesNullable && IsNullableReference(registration.Input),
                writesNullable && IsNullableReference(registration.Output))
            : new CatalogEntry(registration.Name, registration.Input.ToDisplayString(), registration.Output.ToDisplayString(), typed: false);
    }

    private static bool IsNullableReference(ITypeSymbol type) => type is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated };

    /// <summary>True when <c>typeof(type)</c> compiles in an assembly-level attribute of <paramref name="compilation"/>.</summary>
    internal static bool CanName(ITypeSymbol type, Compilation compilation)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return CanName(array.ElementType, compilation);
            case INamedTypeSymbol named when named.TypeKind != TypeKind.Error:
                if (named.IsFileLocal || !(IsPublic(named) || compilation.IsSymbolAccessibleWithin(named.OriginalDefinition, compilation.Assembly)))
                {
                    return false;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!CanName(argument, compilation))
                    {
                        return false;
                    }
                }

                for (var outer = named.ContainingType; outer is not null; outer = outer.ContainingType)
                {
                    if (outer.IsFileLocal)
                    {
                        return false;
                    }
                }

                return true;
            default:
                // Type parameters, dynamic, pointers, error types.
                return false;
        }
    }

    /// <summary>
    /// True when the type and every type containing it are public: accessible anywhere, without asking the compilation
    /// (whose check first looks for the type's assembly among its hundreds of references, for every type asked).
    /// </summary>
    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(CatalogEntry? other) =>
        other is not null
        && Typed == other.Typed
        && InputNullable == other.InputNullable
        && OutputNullable == other.OutputNullable
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Input, other.Input, StringComparison.Ordinal)
        && string.Equals(Output, other.Output, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CatalogEntry);

    public override int GetHashCode() =>
        StringComparer.Ordinal.GetHashCode(Name) ^ (StringComparer.Ordinal.GetHashCode(Input) * 31) ^ (StringComparer.Ordinal.GetHashCode(Output) * 7);
}
