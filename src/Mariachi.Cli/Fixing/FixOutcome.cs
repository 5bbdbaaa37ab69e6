using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Fixing;

/// <summary>What `mariachi fix` did: the fixed solution, the documents it changed, and the findings no fix repaired.</summary>
/// <param name="Solution">The solution with every fix applied (not yet written to disk).</param>
/// <param name="Changed">The changed documents, in path order.</param>
/// <param name="Fixed">How many findings of each rule went away.</param>
/// <param name="Unfixable">The findings of the requested rules still reported after fixing, in source order.</param>
internal sealed record FixOutcome(
    Solution Solution,
    IReadOnlyList<ChangedDocument> Changed,
    IReadOnlyDictionary<string, int> Fixed,
    IReadOnlyList<Diagnostic> Unfixable);

/// <summary>A document a fix changed, with the number of lines it touched.</summary>
internal sealed record ChangedDocument(DocumentId Id, string Path, int LinesChanged);
