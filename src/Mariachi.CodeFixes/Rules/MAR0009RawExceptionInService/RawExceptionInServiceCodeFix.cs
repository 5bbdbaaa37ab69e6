using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0009: <c>throw new X(message[, inner])</c> becomes the closest typed error: <c>KeyNotFoundException</c> a
/// <c>NotFoundError(ErrorCodes.NotFound, ...)</c>, <c>UnauthorizedAccessException</c> an
/// <c>AuthError(ErrorCodes.Auth.Forbidden, ...)</c>, anything else a <c>MariachiError(ErrorCodes.Internal, ...)</c>.
/// The message is kept as written and an inner exception passed as <c>innerException:</c>. Not offered when the
/// exception has no message argument or other arguments the typed error cannot take (nothing is dropped).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawExceptionInServiceCodeFix))]
[Shared]
public sealed class RawExceptionInServiceCodeFix : EditorCodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.RawExceptionInService + ".ClosestTypedError";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RawExceptionInService);

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || Plan(model, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), cancellationToken) is not { } plan)
        {
            return new FixOption[0];
        }

        return new[] { new FixOption("Throw " + plan.ErrorType.Name, EquivalenceKey) };
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await editor.OriginalDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (equivalenceKey != EquivalenceKey || node is null || Plan(editor.SemanticModel, node, cancellationToken) is not { } plan)
        {
            return;
        }

        editor.ReplaceNode(plan.Creation.Syntax, (current, generator) =>
        {
            var code = plan.CodePath.Split('.').Aggregate(
                generator.TypeExpression(plan.ErrorCodes),
                (expression, member) => generator.MemberAccessExpression(expression, member));
            var arguments = new List<SyntaxNode> { code, generator.Argument(plan.Message.Syntax.WithoutTrivia()) };
            if (plan.Inner is { } inner)
            {
                arguments.Add(generator.Argument("innerException", RefKind.None, inner.Syntax.WithoutTrivia()));
            }

            return generator.ObjectCreationExpression(generator.TypeExpression(plan.ErrorType), arguments)
                .WithTriviaFrom(current)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        });
    }

    private static FixPlan? Plan(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (model.GetOperation(node, cancellationToken) is not IObjectCreationOperation { Type: { } exception } creation)
        {
            return null;
        }

        var (errorTypeName, codePath) = RawExceptions.Replacement(exception);
        var errorType = model.Compilation.GetTypeByMetadataName(errorTypeName);
        var errorCodes = model.Compilation.GetTypeByMetadataName("Mariachi.ErrorCodes");
        IOperation? message = null;
        IOperation? inner = null;
        foreach (var argument in creation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue))
        {
            if (argument.Parameter is { Name: "message", Type.SpecialType: SpecialType.System_String })
            {
                message = argument.Value;
            }
            else if (argument.Parameter is { } parameter && IsException(parameter.Type))
            {
                inner = argument.Value;
            }
            else
            {
                return null; // An argument the typed error has no place for.
            }
        }

        return errorType is null || errorCodes is null || message is null || creation.Initializer is not null
            ? null
            : new FixPlan(creation, errorType, errorCodes, codePath, message, inner);
    }

    private static bool IsException(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private sealed class FixPlan
    {
        public FixPlan(IObjectCreationOperation creation, INamedTypeSymbol errorType, INamedTypeSymbol errorCodes, string codePath, IOperation message, IOperation? inner)
        {
            Creation = creation;
            ErrorType = errorType;
            ErrorCodes = errorCodes;
            CodePath = codePath;
            Message = message;
            Inner = inner;
        }

        public IObjectCreationOperation Creation { get; }

        public INamedTypeSymbol ErrorType { get; }

        public INamedTypeSymbol ErrorCodes { get; }

        public string CodePath { get; }

        public IOperation Message { get; }

        public IOperation? Inner { get; }
    }
}
