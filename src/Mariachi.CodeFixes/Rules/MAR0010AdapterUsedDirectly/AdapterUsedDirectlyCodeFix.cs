using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0010: a written adapter type becomes the one Mariachi abstraction the adapter implements
/// (<c>InMemoryRepository&lt;Order&gt;</c> to <c>IRepository&lt;Order&gt;</c>), with its using added. Creations are
/// not fixed: moving them into dependency injection is the developer's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdapterUsedDirectlyCodeFix))]
[Shared]
public sealed class AdapterUsedDirectlyCodeFix : EditorCodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.AdapterUsedDirectly + ".UseAbstraction";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AdapterUsedDirectly);

    protected override Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        IReadOnlyList<FixOption> options = diagnostic.Properties.TryGetValue(AdapterSite.ReplaceableProperty, out var abstraction)
            ? new[] { new FixOption("Use '" + abstraction + "'", EquivalenceKey) }
            : new FixOption[0];
        return Task.FromResult(options);
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey != EquivalenceKey || !diagnostic.Properties.ContainsKey(AdapterSite.ReplaceableProperty))
        {
            return;
        }

        var root = await editor.OriginalDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax written
            || editor.SemanticModel.GetTypeInfo(written, cancellationToken).Type is not INamedTypeSymbol adapter)
        {
            return;
        }

        var abstractions = AdapterTypes.Abstractions(adapter);
        if (abstractions.Length != 1)
        {
            return;
        }

        editor.ReplaceNode(written, (current, generator) => generator.TypeExpression(abstractions[0])
            .WithTriviaFrom(current)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }
}
