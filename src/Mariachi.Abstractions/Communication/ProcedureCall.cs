namespace Mariachi.Communication;

/// <summary>
/// One call as middleware sees it. Immutable: middleware that changes the input or the context passes
/// <see cref="WithInput"/> or <see cref="WithContext"/> to the next step.
/// </summary>
public sealed class ProcedureCall
{
    public ProcedureCall(ProcedureInfo procedure, Context context, object? input, CancellationToken cancellationToken)
    {
        ProcedureInfo = procedure ?? throw new ArgumentNullException(nameof(procedure));
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Input = input;
        CancellationToken = cancellationToken;
    }

    /// <summary>The procedure's name.</summary>
    public string Procedure => ProcedureInfo.Name;

    public ProcedureInfo ProcedureInfo { get; }

    /// <summary>The caller's context, with <see cref="Context.Procedure"/> set to this procedure.</summary>
    public Context Context { get; }

    public object? Input { get; }

    public CancellationToken CancellationToken { get; }

    public ProcedureCall WithInput(object? input) => new(ProcedureInfo, Context, input, CancellationToken);

    public ProcedureCall WithContext(Context context) => new(ProcedureInfo, context, Input, CancellationToken);
}
