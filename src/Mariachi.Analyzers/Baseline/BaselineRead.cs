namespace Mariachi.Analyzers.Baseline;

/// <summary>The outcome of reading a baseline: the document, or the error that stopped it (exactly one is set).</summary>
internal sealed class BaselineRead
{
    public BaselineRead(BaselineDocument? document, BaselineError? error)
    {
        Document = document;
        Error = error;
    }

    public BaselineDocument? Document { get; }

    public BaselineError? Error { get; }
}
