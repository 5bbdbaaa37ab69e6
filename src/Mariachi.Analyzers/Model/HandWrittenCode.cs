using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Generated code left alone by the rule itself instead of the analyzer driver, for rules that report many findings
/// (MAR0001, MAR0006, MAR0007). With <see cref="GeneratedCodeAnalysisFlags.None"/> the driver checks every reported
/// diagnostic against generated code, and the first report in a file walks all of that file's tokens looking for a
/// <c>GeneratedCode</c> attribute: on IdentityServer's Razor hosts that was about a third of MAR0001's time. These
/// rules take <see cref="Flags"/>, return where the context says the code is generated (a generated file, a type or
/// member marked <c>[GeneratedCode]</c>: what the driver skips), and ask <see cref="IsReportable"/> before reporting,
/// which covers the rest of the driver's check from the report's own node: <c>#line hidden</c> regions, and a local
/// function or parameter marked <c>[GeneratedCode]</c> (written by that name; an alias of the attribute is not followed).
/// </summary>
internal static class HandWrittenCode
{
    /// <summary>The flags of a rule that skips generated code itself.</summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    private const string AttributeNamespace = "System.CodeDom.Compiler";
    private const string AttributeName = "GeneratedCodeAttribute";

    /// <summary>
    /// False when a diagnostic on <paramref name="node"/> (inside a member the context did not call generated) would
    /// be dropped by the driver as generated code.
    /// </summary>
    public static bool IsReportable(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var tree = node.SyntaxTree;
        if (tree.HasHiddenRegions() && tree.GetLineVisibility(node.SpanStart, cancellationToken) == LineVisibility.Hidden)
        {
            return false;
        }

        for (var current = node; current is not null and not MemberDeclarationSyntax; current = current.Parent)
        {
            var attributes = current switch
            {
                LocalFunctionStatementSyntax local => local.AttributeLists,
                ParameterSyntax parameter => parameter.AttributeLists,
                _ => default,
            };
            if (NamesGeneratedCode(attributes) && IsMarked(model.GetDeclaredSymbol(current, cancellationToken)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NamesGeneratedCode(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (SyntaxNames.LastIdentifier(attribute.Name) is "GeneratedCode" or AttributeName)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsMarked(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && TypeNames.Is(type, AttributeNamespace, AttributeName))
            {
                return true;
            }
        }

        return false;
    }
}
