using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Syndication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Controllers;

/// <summary>RSS and Atom for the whole site and for each tag.</summary>
public sealed class FeedsController(ArticleCatalog catalog, FeedWriter feeds, SiteUrls urls, IOptions<NewsOptions> options) : ReaderController
{
    public const int FeedSize = 20;

    [HttpGet(ReaderPaths.Rss)]
    public async Task<IActionResult> Rss(CancellationToken ct)
    {
        DependsOn(CacheTags.Feeds);
        return File(feeds.Rss(SiteChannel(), await catalog.Syndication.LatestAsync(null, FeedSize, ct)), FeedWriter.RssContentType);
    }

    [HttpGet(ReaderPaths.Atom)]
    public async Task<IActionResult> Atom(CancellationToken ct)
    {
        DependsOn(CacheTags.Feeds);
        return File(feeds.Atom(SiteChannel(), await catalog.Syndication.LatestAsync(null, FeedSize, ct)), FeedWriter.AtomContentType);
    }

    [HttpGet(ReaderPaths.TagRssRoute)]
    public Task<IActionResult> TagRss(string slug, CancellationToken ct) => TagFeed(slug, atom: false, ct);

    [HttpGet(ReaderPaths.TagAtomRoute)]
    public Task<IActionResult> TagAtom(string slug, CancellationToken ct) => TagFeed(slug, atom: true, ct);

    private async Task<IActionResult> TagFeed(string slug, bool atom, CancellationToken ct)
    {
        // A topic of drafts only is not announced in a feed either.
        var tag = await catalog.Tags.VisibleAsync(slug, ct);
        if (tag is null)
        {
            return NotFoundPage("Không có chủ đề này.");
        }
        var channel = new FeedChannel(
            $"{tag.Name} – {options.Value.SiteName}", $"Tin bài mới nhất về {tag.Name}", urls.Tag(tag.Slug),
            urls.Absolute(ReaderPaths.TagRss(tag.Slug)), urls.Absolute(ReaderPaths.TagAtom(tag.Slug)));
        DependsOn(CacheTags.Topic(tag.Slug));
        var articles = await catalog.Syndication.LatestAsync(tag.Slug, FeedSize, ct);
        return atom
            ? File(feeds.Atom(channel, articles), FeedWriter.AtomContentType)
            : File(feeds.Rss(channel, articles), FeedWriter.RssContentType);
    }

    /// <summary>Feeds are evicted by every change (there are few of them), and a topic's also when its articles move.</summary>
    private void DependsOn(string tag) => HttpContext.DependsOn(CacheTags.Feeds, tag);

    private FeedChannel SiteChannel() => new(
        options.Value.SiteName, "Tin tức quan hệ ASEAN – Nhật Bản và Việt Nam – Nhật Bản.", urls.Home,
        urls.Absolute(ReaderPaths.Rss), urls.Absolute(ReaderPaths.Atom));
}
