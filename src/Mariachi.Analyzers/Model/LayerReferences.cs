using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Reports the references (<see cref="TypeReferences"/>: type syntax and member use, one report each) that the code
/// of a layer makes to forbidden types: data-access types in controller and facade code (MAR0006), HTTP server types
/// in service code (MAR0007). The analyzer decides per type where its layer's code is and registers this there.
/// </summary>
internal sealed class LayerReferences
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat;

    private readonly Func<ITypeSymbol, MariachiOptions, bool> _isForbidden;
    private readonly DiagnosticDescriptor _descriptor;
    private readonly bool _exemptRegistrations;
    private readonly OptionsCache _options;
    private readonly TypeNameFilter _names;

    /// <param name="compilation">The compilation analyzed: the name pre-filter looks up its types.</param>
    /// <param name="options">The options of each file.</param>
    /// <param name="isForbidden">The types the layer must not reference, under a file's options.</param>
    /// <param name="mayDeclareForbidden">False for a referenced assembly that declares no forbidden type.</param>
    /// <param name="descriptor">Reported with the type's display name and the layer's name ("Controller", ...).</param>
    /// <param name="exemptRegistrations">When true, dependency-injection registration calls are not reported.</param>
    /// <param name="referencedForbiddenNames">The names of the forbidden types the references declare, when the rule can list them (see <see cref="TypeNameFilter"/>).</param>
    public LayerReferences(
        Compilation compilation,
        OptionsCache options,
        Func<ITypeSymbol, MariachiOptions, bool> isForbidden,
        Func<IAssemblySymbol, MariachiOptions, bool> mayDeclareForbidden,
        DiagnosticDescriptor descriptor,
        bool exemptRegistrations,
        Func<MariachiOptions, HashSet<string>?>? referencedForbiddenNames = null)
    {
        _options = options;
        _isForbidden = isForbidden;
        _descriptor = descriptor;
        _exemptRegistrations = exemptRegistrations;
        _names = new TypeNameFilter(compilation, isForbidden, mayDeclareForbidden, referencedWantedNames: referencedForbiddenNames);
    }

    /// <summary>True when a declaration of <paramref name="symbol"/> sits in a file whose options include test projects.</summary>
    public static bool IncludesTests(ISymbol symbol, OptionsCache options)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (options.For(reference.SyntaxTree).IncludeTestProjects)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which layer a node belongs to, or null when it is none of the rule's layers.</summary>
    public delegate string? Classifier(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken);

    /// <summary>
    /// The analysis of one type's members: all of them are code of <paramref name="layer"/> when it is given, else
    /// <paramref name="classify"/> decides per node.
    /// </summary>
    public TypeSyntaxActions.TypeAnalysis For(string? layer, Classifier? classify) =>
        new TypeSyntaxActions.TypeAnalysis(
            (node, model, report, cancellationToken) => AnalyzeTypeSyntax(node, model, report, layer, classify, cancellationToken),
            (operation, model, report, cancellationToken) => AnalyzeMemberUse(operation, model, report, layer, classify, cancellationToken));

    private void AnalyzeTypeSyntax(
        SyntaxNode node, SemanticModel model, Action<Diagnostic> report, string? layer, Classifier? classify, CancellationToken cancellationToken)
    {
        var names = new List<NameSyntax>(1);
        TypeReferences.CollectNames(node, names);
        var options = _options.For(node.SyntaxTree);
        foreach (var name in names)
        {
            // Read the name before binding it: most names cannot denote a forbidden type.
            if (!_names.MayDenote(name, options, cancellationToken)
                || model.GetSymbolInfo(name, cancellationToken).Symbol is not ITypeSymbol type
                || type.TypeKind == TypeKind.Error
                || !_isForbidden(type, options))
            {
                continue;
            }

            var found = layer ?? classify?.Invoke(name, model, cancellationToken);
            if (found is null
                || (_exemptRegistrations && ServiceRegistrations.ContainsSyntax(name, model, cancellationToken))
                || !HandWrittenCode.IsReportable(name))
            {
                continue;
            }

            report(Diagnostic.Create(_descriptor, name.GetLocation(), Display(type), found));
        }
    }

    private void AnalyzeMemberUse(
        IOperation operation, SemanticModel model, Action<Diagnostic> report, string? layer, Classifier? classify, CancellationToken cancellationToken)
    {
        if (TypeReferences.UsedMember(operation)?.ContainingType is not { } type
            || !_isForbidden(type, _options.For(operation.Syntax.SyntaxTree))
            || TypeReferences.IsInNameOf(operation))
        {
            return;
        }

        var found = layer ?? classify?.Invoke(operation.Syntax, model, cancellationToken);
        if (found is null
            || (_exemptRegistrations && ServiceRegistrations.ContainsOperation(operation))
            || !HandWrittenCode.IsReportable(operation.Syntax))
        {
            return;
        }

        report(Diagnostic.Create(_descriptor, operation.Syntax.GetLocation(), Display(type), found));
    }

    private static string Display(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(Format);
}
