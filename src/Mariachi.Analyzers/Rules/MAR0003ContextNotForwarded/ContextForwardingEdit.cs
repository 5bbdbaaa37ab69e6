namespace Mariachi.Analyzers.Core;

/// <summary>
/// One edit of the call's argument list that passes the Context: replace the argument at
/// <see cref="ArgumentIndex"/>, or insert one for the parameter <see cref="ParameterName"/> at
/// <see cref="ParameterPosition"/> (counted as the call's syntax counts: without the receiver of a reduced
/// extension method).
/// </summary>
internal readonly struct ContextForwardingEdit
{
    private ContextForwardingEdit(bool isInsert, int argumentIndex, int parameterPosition, string parameterName)
    {
        IsInsert = isInsert;
        ArgumentIndex = argumentIndex;
        ParameterPosition = parameterPosition;
        ParameterName = parameterName;
    }

    public bool IsInsert { get; }

    public int ArgumentIndex { get; }

    public int ParameterPosition { get; }

    public string ParameterName { get; }

    public static ContextForwardingEdit Replace(int argumentIndex) => new ContextForwardingEdit(false, argumentIndex, -1, string.Empty);

    public static ContextForwardingEdit Insert(int parameterPosition, string parameterName) =>
        new ContextForwardingEdit(true, -1, parameterPosition, parameterName);
}
