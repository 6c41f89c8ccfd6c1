using AseanJapanNews.Web.Caching;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Data;

/// <summary>
/// What readers can see: every reader page asks here, so all of them agree. One scoped service (one context per
/// request) in four parts, by what is asked; the parts share the memoized <see cref="Tags"/>.
/// </summary>
public sealed class ArticleCatalog
{
    public ArticleCatalog(NewsDbContext db, TimeProvider clock, IOptions<NewsOptions> options, ReaderContent readers, ReaderQueries compiled)
    {
        Tags = new TagDirectory(db, clock, readers, compiled);
        Lists = new ArticleLists(db, clock, options.Value.PageSize, readers, compiled, Tags);
        Articles = new ArticleLookup(db, clock, compiled, Tags);
        Syndication = new SyndicationQueries(db, clock, Tags);
    }

    /// <summary>The tags: names for slugs, the visible ones, their counts.</summary>
    public TagDirectory Tags { get; }

    /// <summary>Pages of the home, tag, archive and filtered lists, and the archive's months.</summary>
    public ArticleLists Lists { get; }

    /// <summary>One article: by slug, by an old slug, its neighbours, links by id.</summary>
    public ArticleLookup Articles { get; }

    /// <summary>What feeds and sitemaps list.</summary>
    public SyndicationQueries Syndication { get; }
}
