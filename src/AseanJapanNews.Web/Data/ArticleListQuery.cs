namespace AseanJapanNews.Web.Data;

/// <summary>
/// What a reader list shows: the articles carrying every one of <see cref="Tags"/> (slugs), published within the
/// Vietnam days <see cref="From"/>..<see cref="To"/> (either end open), page <see cref="Page"/> of them.
/// </summary>
public sealed record ArticleListQuery(IReadOnlyList<string> Tags, DateOnly? From, DateOnly? To, int Page)
{
    public static readonly ArticleListQuery FirstPage = new([], null, null, 1);

    public bool HasFilters => Tags.Count > 0 || From is not null || To is not null;
}
