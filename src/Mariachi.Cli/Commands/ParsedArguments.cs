namespace Mariachi.Cli.Commands;

/// <summary>What was given after the command name: positional arguments and the command's options.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private ParsedArguments(IReadOnlyList<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Whether a flag (or an option with a value) was given.</summary>
    public bool Has(string option) => _flags.Contains(option) || _values.ContainsKey(option);

    /// <summary>The value of a single-valued option, or <paramref name="fallback"/>.</summary>
    public string? Value(string option, string? fallback = null) =>
        _values.TryGetValue(option, out var values) ? values[^1] : fallback;

    /// <summary>Every value of a repeatable option, in order (commas split too: <c>--rule MAR0001,MAR0003</c>).</summary>
    public IReadOnlyList<string> Values(string option) =>
        _values.TryGetValue(option, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    /// <summary>A single optional PATH argument (the commands that take one); more is a usage error.</summary>
    public string? SinglePath()
    {
        if (Positional.Count > 1)
        {
            throw new UsageException($"expected at most one PATH, got {Positional.Count}: {string.Join(' ', Positional)}");
        }

        return Positional.Count == 1 ? Positional[0] : null;
    }

    /// <summary>A value that must be one of <paramref name="allowed"/> (case-insensitive), or the first when absent.</summary>
    public string Choice(string option, params string[] allowed)
    {
        var value = Value(option);
        if (value is null)
        {
            return allowed[0];
        }

        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--{option} must be one of {string.Join(", ", allowed)}; got '{value}'");
    }

    public static ParsedArguments Parse(IReadOnlyList<string> arguments, IReadOnlyList<CommandOption> options)
    {
        var positional = new List<string>();
        var parsed = new ParsedArguments(positional);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument == "--")
            {
                positional.AddRange(arguments.Skip(i + 1));
                break;
            }

            if (argument.Length > 1 && argument[0] == '-' && argument[1] != '-')
            {
                // Not a path: options are spelled out (--quiet, not -q); a path starting with '-' goes after `--`.
                throw new UsageException($"unknown option '{argument}' (options start with --)");
            }

            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(argument);
                continue;
            }

            var (name, inline) = SplitInline(argument[2..]);
            var option = options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '--{name}'");
            if (!option.TakesValue)
            {
                if (inline is not null)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                parsed._flags.Add(name);
                continue;
            }

            var value = inline ?? (i + 1 < arguments.Count ? arguments[++i] : throw new UsageException($"--{name} needs a {option.ValueName}"));
            if (!parsed._values.TryGetValue(name, out var values))
            {
                parsed._values[name] = values = [];
            }
            else if (!option.Repeatable)
            {
                throw new UsageException($"--{name} is given more than once");
            }

            values.Add(value);
        }

        return parsed;
    }

    private static (string Name, string? Value) SplitInline(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }
}
