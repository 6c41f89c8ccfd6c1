using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Syndication;

/// <summary>Absolute URLs of reader pages, from the configured News:BaseUrl (never from the request's Host header).</summary>
public sealed class SiteUrls(IOptions<NewsOptions> options)
{
    private readonly Uri baseUri = new(options.Value.BaseUrl);

    public string SiteName => options.Value.SiteName;

    public Uri Absolute(string path) => new(baseUri, path);

    public Uri Home => Absolute(ReaderPaths.Home);
    public Uri Article(string slug) => Absolute(ReaderPaths.Article(slug));
    public Uri Tag(string slug) => Absolute(ReaderPaths.Tag(slug));
    public Uri Archive(int year, int month) => Absolute(ReaderPaths.ArchiveMonth(year, month));
}
