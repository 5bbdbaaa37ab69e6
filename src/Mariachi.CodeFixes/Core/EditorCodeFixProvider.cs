using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Mariachi.CodeFixes.Core;

/// <summary>One way to fix a diagnostic: its title and the equivalence key FixAll groups by.</summary>
public readonly struct FixOption
{
    public FixOption(string title, string equivalenceKey)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }
}

/// <summary>
/// The base of every Mariachi code fix. A fix is written once, as edits on a <see cref="DocumentEditor"/>; a single
/// fix applies it to one diagnostic, and FixAll applies it to every diagnostic of a document on ONE editor, last
/// first. Edits use the editor's node callbacks, so nested and neighbouring fixes compose instead of
/// overwriting each other (which is what the batch fixer does with conflicting text changes).
/// <para>
/// FixAll fixes each diagnostic it can and leaves the others, whichever comes first. With an equivalence key (the
/// action chosen in an IDE) it applies that action wherever it applies. Without one it applies each diagnostic's
/// preferred fix: <c>dotnet format analyzers</c> asks only the first diagnostic of an id for its actions and runs
/// FixAll with the first action's key, or with none when that diagnostic has no fix.
/// </para>
/// </summary>
public abstract class EditorCodeFixProvider : CodeFixProvider
{
    /// <remarks>A fix that rewrites a name in another document derives from <see cref="LiteralRewriteCodeFixProvider"/>.</remarks>
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var options = await GetOptionsAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            foreach (var option in options)
            {
                var chosen = option;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        chosen.Title,
                        cancellationToken => FixOneAsync(context.Document, diagnostic, chosen.EquivalenceKey, cancellationToken),
                        chosen.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The fixes offered for <paramref name="diagnostic"/>, preferred first; empty when it cannot be fixed (no
    /// action is registered then: FixAll does not need one). The preferred fix's key must mean the same for every
    /// diagnostic of the id (e.g. "the innermost Context"): <c>dotnet format</c> runs FixAll with the key of the
    /// first diagnostic's preferred fix.
    /// </summary>
    protected abstract Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Applies the fix named <paramref name="equivalenceKey"/> to <paramref name="diagnostic"/>, if it applies.</summary>
    protected abstract Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

    private async Task<Document> FixOneAsync(Document document, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(editor, diagnostic, equivalenceKey, cancellationToken).ConfigureAwait(false);
        return editor.GetChangedDocument();
    }

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (diagnostics.IsEmpty)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
        {
            var key = context.CodeActionEquivalenceKey
                ?? await PreferredKeyAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                await ApplyAsync(editor, diagnostic, key, context.CancellationToken).ConfigureAwait(false);
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The key of the first fix offered for <paramref name="diagnostic"/>, or null when it has none.</summary>
    private async Task<string?> PreferredKeyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var options = await GetOptionsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return options.Count > 0 ? options[0].EquivalenceKey : null;
    }
}
