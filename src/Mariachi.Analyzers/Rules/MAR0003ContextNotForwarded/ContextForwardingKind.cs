namespace Mariachi.Analyzers.Core;

/// <summary>How a call fails to forward the Context in scope.</summary>
internal enum ContextForwardingKind
{
    /// <summary>The called method has an overload that takes a Context.</summary>
    Overload,

    /// <summary><c>null</c> or <c>default</c> is passed to a Context parameter.</summary>
    NullOrDefault,

    /// <summary>An optional Context parameter is omitted.</summary>
    Omitted,
}
