namespace Mariachi.Data;

/// <summary>A 1-based page number and a page size between 1 and <see cref="MaxPageSize"/>.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    /// <summary>The largest page a repository returns.</summary>
    public const int MaxPageSize = 1000;

    public const int DefaultPageSize = 20;

    /// <summary>The number of rows before this page.</summary>
    public long Offset => ((long)Page - 1) * PageSize;

    /// <summary>Throws <see cref="ValidationError"/> (<see cref="ErrorCodes.Validation.InvalidInput"/>) when out of range.</summary>
    public void Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Page < 1)
        {
            errors[nameof(Page)] = [$"Page must be 1 or more, was {Page}."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors[nameof(PageSize)] = [$"PageSize must be between 1 and {MaxPageSize}, was {PageSize}."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationError(
                ErrorCodes.Validation.InvalidInput,
                "The page request is invalid: " + string.Join(" ", errors.Values.SelectMany(e => e)),
                MariachiError.Meta(("errors", errors)));
        }
    }
}
