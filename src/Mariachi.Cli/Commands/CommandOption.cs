namespace Mariachi.Cli.Commands;

/// <summary>An option of a command: <c>--name VALUE</c> when <paramref name="ValueName"/> is set, a flag otherwise.</summary>
/// <param name="Name">Without the leading dashes.</param>
/// <param name="ValueName">The placeholder shown in help (<c>FORMAT</c>); null for a flag.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Repeatable">Whether it may be given more than once (<c>--rule A --rule B</c>).</param>
internal sealed record CommandOption(string Name, string? ValueName, string Description, bool Repeatable = false)
{
    public bool TakesValue => ValueName is not null;

    /// <summary>The shared <c>--format</c> option with the formats a command supports.</summary>
    public static CommandOption Format(params string[] formats) =>
        new("format", "FORMAT", "Output format: " + string.Join(", ", formats) + $" (default {formats[0]})");
}
