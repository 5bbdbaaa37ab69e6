using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Rules;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.CodeFixes
{
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
                || invocation.TargetMethod.Name != EnvironmentReadOutsideConfigAnalyzer.GetEnvironmentVariable
                || invocation.TargetMethod.Parameters.Length != 1
                || !EnvironmentReadOutsideConfigAnalyzer.IsEnvironmentRead(invocation.TargetMethod, model.Compilation.GetTypeByMetadataName("System.Environment")))
            {
                return null;
            }

            // A constant that is not a plain literal cannot be rewritten the configuration way.
            var argument = syntax.ArgumentList.Arguments[0].Expression;
            if (argument is not LiteralExpressionSyntax
                && EnvironmentReadOutsideConfigAnalyzer.ConstantVariableName(invocation) is { } constant
                && constant.Contains(EnvironmentSeparator))
            {
                return null;
            }

            var configuration = ConfigurationScope.Find(model, syntax.SpanStart, cancellationToken);
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
        /// Finds the innermost IConfiguration a point of the code can use: a parameter of an enclosing lambda, local
        /// function or member (or a primary constructor), a local declared before the point, then a field or property
        /// of the containing types (instance ones only from instance code). A static lambda or local function hides
        /// what it cannot capture; a configuration section (<c>IConfigurationSection</c>) is not the configuration.
        /// </summary>
        private static class ConfigurationScope
        {
            public static ISymbol? Find(SemanticModel model, int position, CancellationToken cancellationToken)
            {
                var configuration = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
                if (configuration is null)
                {
                    return null;
                }

                var section = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");

                // The functions around the point, innermost first, up to (and including) the member.
                var chain = new List<ISymbol>();
                for (var current = model.GetEnclosingSymbol(position, cancellationToken); current is not null; current = current.ContainingSymbol)
                {
                    chain.Add(current);
                    if (current is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                    {
                        break;
                    }
                }

                if (chain.Count == 0)
                {
                    return null;
                }

                var member = chain[chain.Count - 1];
                var staticBoundary = chain.FindIndex(IsStaticFunction);
                var instanceCode = !member.IsStatic
                    && staticBoundary < 0
                    && member is IMethodSymbol { MethodKind: not MethodKind.StaticConstructor };

                ISymbol? best = null;
                var bestRank = int.MaxValue;
                foreach (var symbol in model.LookupSymbols(position))
                {
                    var (type, rank) = symbol switch
                    {
                        ILocalSymbol local when IsDeclaredBefore(local, position) => (local.Type, Rank(chain, local.ContainingSymbol, staticBoundary)),
                        IParameterSymbol parameter => (parameter.Type, ParameterRank(chain, parameter, staticBoundary, member)),
                        IFieldSymbol field when !field.IsImplicitlyDeclared => (field.Type, MemberRank(field, member, instanceCode, chain)),
                        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => (property.Type, MemberRank(property, member, instanceCode, chain)),
                        _ => (null, -1),
                    };
                    if (rank < 0 || rank >= bestRank || !IsConfiguration(type, configuration, section))
                    {
                        continue;
                    }

                    best = symbol;
                    bestRank = rank;
                }

                return best;
            }

            /// <summary>The position of <paramref name="function"/> in the chain (0 innermost), or -1 when a static function hides it.</summary>
            private static int Rank(List<ISymbol> chain, ISymbol function, int staticBoundary)
            {
                var index = chain.FindIndex(s => SymbolEqualityComparer.Default.Equals(s, function));
                return index < 0 || (staticBoundary >= 0 && index > staticBoundary) ? -1 : index;
            }

            /// <summary>Static members always; instance members only from instance code of the same type or a derived one.</summary>
            private static int MemberRank(ISymbol symbol, ISymbol member, bool instanceCode, List<ISymbol> chain)
            {
                if (symbol.IsStatic)
                {
                    return chain.Count;
                }

                if (!instanceCode)
                {
                    return -1;
                }

                for (var type = member.ContainingType; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, symbol.ContainingType))
                    {
                        return chain.Count;
                    }
                }

                return -1;
            }

            private static int ParameterRank(List<ISymbol> chain, IParameterSymbol parameter, int staticBoundary, ISymbol member)
            {
                var rank = Rank(chain, parameter.ContainingSymbol, staticBoundary);
                if (rank >= 0)
                {
                    return rank;
                }

                // A primary constructor parameter: visible from the type's instance members and initializers.
                var isPrimary = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && !chain.Contains(constructor, SymbolEqualityComparer.Default)
                    && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, member.ContainingType);
                return isPrimary && !member.IsStatic && staticBoundary < 0 ? chain.Count : -1;
            }

            private static bool IsDeclaredBefore(ILocalSymbol local, int position)
            {
                var reference = local.DeclaringSyntaxReferences.FirstOrDefault();
                return reference is not null && reference.Span.End <= position;
            }

            private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configuration, INamedTypeSymbol? section)
            {
                if (type is null || (section is not null && IsOrImplements(type, section)))
                {
                    return false;
                }

                return IsOrImplements(type, configuration);
            }

            private static bool IsOrImplements(ITypeSymbol type, INamedTypeSymbol @interface) =>
                SymbolEqualityComparer.Default.Equals(type, @interface)
                || type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);

            private static bool IsStaticFunction(ISymbol symbol)
            {
                if (symbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
                {
                    return false;
                }

                foreach (var reference in function.DeclaringSyntaxReferences)
                {
                    var modifiers = reference.GetSyntax() switch
                    {
                        AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                        LocalFunctionStatementSyntax local => local.Modifiers,
                        _ => default,
                    };
                    if (modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
