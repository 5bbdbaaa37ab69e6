namespace Mariachi.Data;

/// <summary>One page of results and the totals needed to navigate.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);

    public bool HasNextPage => PageNumber < TotalPages;

    public bool HasPreviousPage => PageNumber > 1;
}
