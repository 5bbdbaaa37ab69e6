namespace Mariachi.Analyzers.Baseline;

/// <summary>Why a baseline file could not be read, and where (a character offset into its text).</summary>
internal sealed class BaselineError
{
    public BaselineError(string message, int offset)
    {
        Message = message;
        Offset = offset;
    }

    public string Message { get; }

    public int Offset { get; }
}
