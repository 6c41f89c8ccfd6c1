namespace AseanJapanNews.Web.Data;

/// <summary>
/// Page <see cref="Number"/> (from 1) of a list shown <see cref="Size"/> rows at a time: the arithmetic every numbered
/// list shares (reader lists, search results, the admin lists).
/// </summary>
public readonly record struct PageWindow(int Number, int Size)
{
    /// <summary>The highest page number anyone may ask for; past it a number is a typo or a bot, not a reader.</summary>
    public const int MaxNumber = 100_000;

    /// <summary>The rows on the pages before this one.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>How many pages <paramref name="totalCount"/> rows fill; an empty list is still one (empty) page.</summary>
    public static int Count(int totalCount, int size) => Math.Max(1, (totalCount + size - 1) / size);
}

/// <summary>One page of a list, with what its pagination needs to know.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageWindow.Count(TotalCount, PageSize);
}
