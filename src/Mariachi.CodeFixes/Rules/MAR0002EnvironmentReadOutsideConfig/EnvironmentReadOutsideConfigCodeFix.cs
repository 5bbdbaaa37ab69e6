using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0002: <c>Environment.GetEnvironmentVariable("X")</c> becomes <c>configuration["X"]</c> when an
/// <c>IConfiguration</c> is in scope (the innermost one). A literal key written the environment way
/// (<c>Orders__Url</c>) is rewritten the configuration way (<c>Orders:Url</c>), as the environment provider does.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnvironmentReadOutsideConfigCodeFix))]
[Shared]
public sealed class EnvironmentReadOutsideConfigCodeFix : EditorCodeFixProvider
{
    private const string Title = "Read from IConfiguration '{0}'";
    private const string EquivalenceKey = DiagnosticIds.EnvironmentReadOutsideConfig + ":configuration";
    private const string EnvironmentSeparator = "__";
    private const string ConfigurationSeparator = ":";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EnvironmentReadOutsideConfig);

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var found = await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return found is null
            ? new FixOption[0]
            : new[] { new FixOption(string.Format(CultureInfo.InvariantCulture, Title, found.Value.Configuration), EquivalenceKey) };
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey != EquivalenceKey)
        {
            return;
        }

        var found = await FindAsync(editor.OriginalDocument, diagnostic, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return;
        }

        var name = found.Value.Configuration;
        editor.ReplaceNode(found.Value.Invocation, (current, _) =>
        {
            // The argument may itself have been rewritten by FixAll (a nested read): take it from the current node.
            if (current is not InvocationExpressionSyntax invocation || invocation.ArgumentList.Arguments.Count != 1)
            {
                return current;
            }

            var key = ConfigurationKey(invocation.ArgumentList.Arguments[0].Expression);
            return SyntaxFactory.ElementAccessExpression(
                    SyntaxFactory.IdentifierName(name),
                    SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(key))))
                .WithTriviaFrom(current);
        });
    }

    /// <summary>The fixable invocation and the name of the IConfiguration to read from, or null.</summary>
    private static async Task<(InvocationExpressionSyntax Invocation, string Configuration)?> FindAsync(
        Document document,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is not InvocationExpressionSyntax syntax
            || syntax.ArgumentList.Arguments.Count != 1
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || invocation.TargetMethod.Name != EnvironmentReads.GetEnvironmentVariable
            || invocation.TargetMethod.Parameters.Length != 1
            || !EnvironmentReads.IsEnvironmentRead(invocation.TargetMethod, KnownSymbols.Create(model.Compilation).Environment))
        {
            return null;
        }

        // A constant that is not a plain literal cannot be rewritten the configuration way.
        var argument = syntax.ArgumentList.Arguments[0].Expression;
        if (argument is not LiteralExpressionSyntax
            && EnvironmentReads.ConstantVariableName(invocation) is { } constant
            && constant.Contains(EnvironmentSeparator))
        {
            return null;
        }

        var configuration = Configuration.Find(invocation, model.Compilation);
        return configuration is null ? null : (syntax, configuration.Name);
    }

    private static ExpressionSyntax ConfigurationKey(ExpressionSyntax argument)
    {
        if (argument is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Token.ValueText.Contains(EnvironmentSeparator))
        {
            return SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression,
                    SyntaxFactory.Literal(literal.Token.ValueText.Replace(EnvironmentSeparator, ConfigurationSeparator)))
                .WithTriviaFrom(literal);
        }

        return argument;
    }

    /// <summary>
    /// The innermost IConfiguration the call can use, found like a Context (parameters of the enclosing functions
    /// and member, locals declared before, fields and properties; a static lambda hides what it cannot capture).
    /// A configuration section (<c>IConfigurationSection</c>) is not the configuration.
    /// </summary>
    private static class Configuration
    {
        public static ISymbol? Find(IOperation operation, Compilation compilation)
        {
            var configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            if (configuration is null)
            {
                return null;
            }

            var section = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
            var found = ContextScope.Find(operation, type => IsConfiguration(type, configuration, section))
                .FirstOrDefault(candidate => candidate.IsAccessible);
            return found.Symbol;
        }

        private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configuration, INamedTypeSymbol? section) =>
            type is not null && (section is null || !IsOrImplements(type, section)) && IsOrImplements(type, configuration);

        private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol @interface) =>
            SymbolEqualityComparer.Default.Equals(type, @interface)
            || type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);
    }
}
