namespace Mariachi;

/// <summary>How a <see cref="Context"/> was created.</summary>
public enum ContextOrigin
{
    /// <summary>By <see cref="Context.Create"/> at an entry point.</summary>
    Request,

    /// <summary>By <see cref="Context.System"/>: explicit, trusted system work.</summary>
    System,

    /// <summary>By <see cref="Context.Detached"/>: an explicitly unrelated new flow.</summary>
    Detached,
}
