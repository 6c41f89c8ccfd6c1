using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Syndication;

/// <summary>25 visible articles (so the 20-item cap shows), one scheduled, one draft; one tag carried by three.</summary>
public sealed class FeedAppFactory : NewsAppFactory
{
    public const int Visible = 5 + 20;

    public FeedAppFactory()
    {
        for (var i = 1; i <= 20; i++)
        {
            var tags = i <= 3 ? "[Cà phê, Nông sản]" : "[Nông sản]";
            // Late evening in Vietnam: the UTC date is the day before, so a wrong offset shows.
            Content.WriteArticle($"feed-{i:00}.md", $"Bản tin số {i} & <thử> “ngoặc”", $"2024-05-{i:00}T23:30:00+07:00", tags,
                extra: "author: \"Phóng viên Lan\"", body: $"Đoạn **đậm** số {i}.\n\n- một\n- hai");
        }
        Content.WriteArticle("scheduled.md", "Bài hẹn giờ", "2024-12-01", "[Cà phê]");
        Content.Write("draft.md", "title: \"Bản nháp\"\ntags: [Cà phê]\ndraft: true");
    }
}

public sealed class FeedTests(FeedAppFactory factory) : IClassFixture<FeedAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string url)
    {
        var response = await factory.Client().GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response, xml);
    }

    [Fact]
    public async Task Rss_HasTheLatest20VisibleArticles_WithAbsoluteLinksAndVietnamDates()
    {
        var (response, xml) = await GetXmlAsync("/feed.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var items = xml.Root!.Element("channel")!.Elements("item").ToList();
        Assert.Equal(20, items.Count);
        Assert.Equal("Bản tin số 20 & <thử> “ngoặc”", items[0].Element("title")!.Value);
        Assert.Equal("Mon, 20 May 2024 23:30:00 +0700", items[0].Element("pubDate")!.Value);
        Assert.All(items, i => Assert.StartsWith("https://tin.example.vn/articles/", i.Element("link")!.Value, StringComparison.Ordinal));
        Assert.All(items, i => Assert.EndsWith("+0700", i.Element("pubDate")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Element("title")!.Value is "Bài hẹn giờ" or "Bản nháp");
        Assert.Equal(["Cà phê", "Nông sản"], items.Single(i => i.Element("title")!.Value.StartsWith("Bản tin số 2 ", StringComparison.Ordinal)).Elements("category").Select(c => c.Value));
        Assert.Contains("<strong>đậm</strong>", items[0].Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Equal("Sapo của Bản tin số 20 & <thử> “ngoặc”", items[0].Element("description")!.Value);
    }

    [Fact]
    public async Task Atom_HasTheLatest20VisibleArticles_WithOffsetDatesAndFullContent()
    {
        var (response, xml) = await GetXmlAsync("/atom.xml");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var entries = xml.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(20, entries.Count);
        Assert.Equal("2024-05-20T23:30:00+07:00", entries[0].Element(Atom + "published")!.Value);
        Assert.All(entries, e => Assert.Equal(e.Element(Atom + "published")!.Value, e.Element(Atom + "updated")!.Value));
        Assert.All(entries, e => Assert.StartsWith("https://tin.example.vn/articles/", e.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal));
        Assert.Equal("html", entries[0].Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Equal("Phóng viên Lan", entries[0].Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("https://tin.example.vn/atom.xml",
            xml.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public async Task TagFeed_HasOnlyThatTagsVisibleArticles()
    {
        var (_, rss) = await GetXmlAsync("/tags/ca-phe/feed.xml");
        Assert.Equal(["Bản tin số 3 & <thử> “ngoặc”", "Bản tin số 2 & <thử> “ngoặc”", "Bản tin số 1 & <thử> “ngoặc”"],
            rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.Equal("https://tin.example.vn/tags/ca-phe", rss.Root.Element("channel")!.Element("link")!.Value);
        var (_, atom) = await GetXmlAsync("/tags/ca-phe/atom.xml");
        Assert.Equal(3, atom.Root!.Elements(Atom + "entry").Count());
    }

    [Theory]
    [InlineData("/feed.xml", "application/rss+xml")]
    [InlineData("/atom.xml", "application/atom+xml")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/sitemaps/pages.xml", "application/xml")]
    [InlineData("/sitemaps/articles-2024-05.xml", "application/xml")]
    [InlineData("/", "text/html")]
    public async Task Head_AnswersLikeGet_ForFeedsSitemapAndPages(string url, string mediaType)
    {
        // Feed readers and link checkers ask HEAD first; MVC's [HttpGet] alone answered it with 404.
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        var response = await factory.Client().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_OfAnUnknownTagFeed_IsA404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/tags/khong-co/feed.xml");
        var response = await factory.Client().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TagFeed_OfAnUnknownTag_IsA404()
    {
        var response = await factory.Client().GetAsync("/tags/khong-co/feed.xml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sitemap_IsAnIndex_OfThePagesAndOneSitemapPerMonth()
    {
        var (response, xml) = await GetXmlAsync("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Sitemap + "sitemapindex", xml.Root!.Name);
        var sitemaps = xml.Root.Elements(Sitemap + "sitemap").ToDictionary(s => s.Element(Sitemap + "loc")!.Value, s => s.Element(Sitemap + "lastmod")!.Value);
        // The launch articles are from 03/2020, 09/2021, 11/2023 and 12/2023; the feed's from 05/2024. Not 12/2024,
        // the month of the scheduled one.
        Assert.Equal(
            ["https://tin.example.vn/sitemaps/pages.xml", "https://tin.example.vn/sitemaps/articles-2024-05.xml",
             "https://tin.example.vn/sitemaps/articles-2023-12.xml", "https://tin.example.vn/sitemaps/articles-2023-11.xml",
             "https://tin.example.vn/sitemaps/articles-2021-09.xml", "https://tin.example.vn/sitemaps/articles-2020-03.xml"],
            sitemaps.Keys);
        Assert.All(sitemaps.Values, d => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", d));
    }

    [Fact]
    public async Task MonthSitemaps_ListEveryVisibleArticleOnce_InItsVietnamMonth()
    {
        var (_, index) = await GetXmlAsync("/sitemap.xml");
        var articles = new List<string>();
        foreach (var sitemap in index.Root!.Elements(Sitemap + "sitemap").Where(s => s.Element(Sitemap + "loc")!.Value.Contains("/articles-", StringComparison.Ordinal)))
        {
            var (response, xml) = await GetXmlAsync(new Uri(sitemap.Element(Sitemap + "loc")!.Value).AbsolutePath);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            var urls = xml.Root!.Elements(Sitemap + "url").ToList();
            Assert.NotEmpty(urls);
            var changed = urls.Select(u => u.Element(Sitemap + "lastmod")!.Value).ToList();
            Assert.All(changed, d => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", d));
            // Every article here was imported once and never revised: each last changed when it was published, in this
            // sitemap's month, not when the import ran (2024-06-01).
            var month = System.Text.RegularExpressions.Regex.Match(sitemap.Element(Sitemap + "loc")!.Value, @"articles-(\d{4}-\d\d)\.xml$").Groups[1].Value;
            Assert.All(changed, d => Assert.StartsWith(month + "-", d, StringComparison.Ordinal));
            // The index says when the month last changed: its latest article change (same offset, so text order is time order).
            Assert.Equal(changed.Max(StringComparer.Ordinal), sitemap.Element(Sitemap + "lastmod")!.Value);
            articles.AddRange(urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        }
        Assert.Equal(FeedAppFactory.Visible, articles.Count);
        Assert.Equal(articles.Count, articles.Distinct().Count());
        Assert.All(articles, l => Assert.StartsWith("https://tin.example.vn/articles/", l, StringComparison.Ordinal));
        Assert.DoesNotContain(articles, l => l.EndsWith("/bai-hen-gio", StringComparison.Ordinal) || l.EndsWith("/ban-nhap", StringComparison.Ordinal));

        var (_, may) = await GetXmlAsync("/sitemaps/articles-2024-05.xml");
        Assert.Equal(20, may.Root!.Elements(Sitemap + "url").Count());
    }

    [Theory]
    [InlineData("/sitemaps/articles-2024-12.xml")] // only the scheduled article
    [InlineData("/sitemaps/articles-2019-01.xml")] // nothing
    [InlineData("/sitemaps/articles-2024-13.xml")]
    [InlineData("/sitemaps/articles-0-05.xml")]
    public async Task MonthSitemap_WithoutVisibleArticles_IsA404(string url)
    {
        var response = await factory.Client().GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PagesSitemap_ListsHome_EveryTagPage_AndArchiveMonth()
    {
        var (_, xml) = await GetXmlAsync("/sitemaps/pages.xml");
        Assert.Equal(Sitemap + "urlset", xml.Root!.Name);
        var locations = xml.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal("https://tin.example.vn/", locations[0]);
        Assert.Contains("https://tin.example.vn/tags/ca-phe", locations);
        Assert.Contains("https://tin.example.vn/tags/nong-san", locations);
        Assert.Contains("https://tin.example.vn/archive/2024/05", locations);
        Assert.Contains("https://tin.example.vn/archive/2020/03", locations);
        Assert.DoesNotContain("https://tin.example.vn/archive/2024/12", locations);
        Assert.DoesNotContain(locations, l => l.Contains("/articles/", StringComparison.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());
    }

    [Fact]
    public async Task PagesSitemap_DatesEachTagPage_ByItsNewestVisibleArticle()
    {
        var (_, xml) = await GetXmlAsync("/sitemaps/pages.xml");
        var tags = xml.Root!.Elements(Sitemap + "url")
            .Select(u => (Loc: u.Element(Sitemap + "loc")!.Value, Changed: u.Element(Sitemap + "lastmod")!.Value))
            .Where(u => u.Loc.Contains("/tags/", StringComparison.Ordinal))
            .ToList();
        // Cà phê is also on the scheduled article (December) and the draft: neither dates its page.
        Assert.Equal(
            [("https://tin.example.vn/tags/ca-phe", "2024-05-03T23:30:00+07:00"), ("https://tin.example.vn/tags/nong-san", "2024-05-20T23:30:00+07:00")],
            tags.Where(t => t.Loc.EndsWith("/ca-phe", StringComparison.Ordinal) || t.Loc.EndsWith("/nong-san", StringComparison.Ordinal)));
        // In Vietnamese alphabetical order, as on the topics page.
        var slugs = tags.Select(t => t.Loc[(t.Loc.LastIndexOf('/') + 1)..]).ToList();
        var topics = (await HtmlPage.GetAsync(factory.Client(), "/tags")).Document.QuerySelectorAll(".tag-index li a")
            .Select(a => a.GetAttribute("href")![(a.GetAttribute("href")!.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(topics, slugs);
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap_AndKeepsAdminOut()
    {
        var response = await factory.Client().GetAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: https://tin.example.vn/sitemap.xml", lines);
    }

    [Theory]
    [InlineData("/feed.xml", 20, "rss20")]
    [InlineData("/atom.xml", 20, "atom10")]
    [InlineData("/tags/ca-phe/feed.xml", 3, "rss20")]
    [InlineData("/tags/ca-phe/atom.xml", 3, "atom10")]
    public async Task Feed_ParsesCleanly_InPythonFeedparser(string url, int count, string version)
    {
        var body = await factory.Client().GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        var parsed = await FeedparserAsync(body);
        Assert.Equal(0, parsed.GetProperty("bozo").GetInt32());
        Assert.Equal(version, parsed.GetProperty("version").GetString());
        var entries = parsed.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("https://tin.example.vn/articles/", e.GetProperty("link").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Bản tin số ", e.GetProperty("title").GetString(), StringComparison.Ordinal);
            // feedparser normalises to UTC: 23:30 in Vietnam is 16:30 UTC the same day.
            Assert.Equal("16:30", e.GetProperty("published_utc").GetString()![11..16]);
            Assert.Contains("<strong>đậm</strong>", e.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Contains("Nông sản", e.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        });
        Assert.Equal("2024-05-20T16:30:00Z".Length, entries[0].GetProperty("published_utc").GetString()!.Length);
    }

    /// <summary>Runs Debian's python3-feedparser (a real feed reader, not our code) over the feed.</summary>
    private static async Task<JsonElement> FeedparserAsync(byte[] feed)
    {
        const string script = """
            import sys, json, time, feedparser
            d = feedparser.parse(sys.stdin.buffer.read())
            print(json.dumps({
                "bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                "entries": [{
                    "title": e.title, "link": e.link,
                    "published_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", e.published_parsed),
                    "content": (e.get("content") or [{"value": ""}])[0]["value"],
                    "tags": [t.term for t in e.get("tags", [])],
                } for e in d.entries],
            }))
            """;
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        await python.StandardInput.BaseStream.WriteAsync(feed, TestContext.Current.CancellationToken);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await python.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await python.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(python.ExitCode == 0, error);
        var result = JsonDocument.Parse(output).RootElement.Clone();
        Assert.True(result.GetProperty("bozo").GetInt32() == 0, result.GetProperty("error").GetString());
        return result;
    }
}
