using System;

namespace Mariachi.Analyzers.Baseline;

/// <summary>Thrown inside the reader only; <see cref="BaselineDocument.Read"/> turns it into a <see cref="BaselineError"/>.</summary>
internal sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message, int offset)
        : base(message) => Offset = offset;

    public int Offset { get; }
}
