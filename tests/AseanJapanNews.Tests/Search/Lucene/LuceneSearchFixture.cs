using System.Net;
using System.Text.RegularExpressions;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>
/// The corpus of <see cref="SearchAppFactory"/> (the launch articles plus small synthetic ones whose words appear
/// nowhere else), imported into a database of its own and indexed once by <see cref="LuceneSearchIndex"/>, for tests
/// that only read.
/// </summary>
public sealed partial class LuceneSearchFixture : IAsyncLifetime
{
    private readonly TempFolder indexFolder = new();

    public TestDatabase Store { get; private set; } = null!;
    public LuceneSearchIndex Index { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = await TestDatabase.CreateAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md"))
        {
            File.Copy(file, Path.Combine(Store.Content.ArticlesDir, Path.GetFileName(file)));
        }
        WriteSyntheticArticles(Store.Content);
        await Store.ImportAsync();
        Index = new LuceneSearchIndex(indexFolder.Path, () => Store.Open(), Store.Clock, NullLogger<LuceneSearchIndex>.Instance);
        await Index.RebuildAsync(1, CancellationToken.None);
    }

    /// <summary>The same articles as <see cref="SearchAppFactory"/>, so both engines answer the same cases.</summary>
    private static void WriteSyntheticArticles(ContentFolder content)
    {
        content.WriteArticle("nhat-title.md", "Quan hệ Nhật bền chặt như keo sơn", "2024-05-01", "[Thử nghiệm]");
        content.WriteArticle("nhat-accent.md", "Quan hệ nhất bền chặt như keo sơn", "2024-05-02", "[Thử nghiệm]");
        content.WriteArticle("xoai-title.md", "Xuất khẩu xoài tăng mạnh", "2024-04-01", "[Nông sản]", body: "Nông dân phấn khởi vì được mùa.");
        content.WriteArticle("xoai-body.md", "Thị trường trái cây mùa hè", "2024-04-20", "[Nông sản]",
            body: "Nhiều loại trái cây như xoài, vải được bày bán khắp nơi.");
        content.WriteArticle("ha-noi.md", "Hội nghị thượng đỉnh tại Hà Nội", "2024-03-01", "[Ngoại giao, Đông Nam Á]",
            body: "Các nhà lãnh đạo gặp nhau ở Hà Nội để bàn chuyện Đông Nam Á.");
        content.WriteArticle("khong-dau.md", "Ban tin viet khong dau ve ha noi va dinh nui", "2024-03-02", "[Ngoại giao]",
            body: "Bai viet nay go khong dau: nhat ban, dong nam a.");
        content.WriteArticle("sau-rieng-and.md", "Giá nông sản tuần này", "2024-02-01", "[Nông sản]", body: "Giá sầu riêng tăng, còn thanh long lại giảm.");
        content.WriteArticle("sau-rieng-phrase.md", "Món mới ở Sài Gòn", "2024-02-02", "[Ẩm thực]", body: "Món sinh tố sầu riêng thanh long được ưa chuộng.");
        content.WriteArticle("scheduled.md", "Bài hẹn giờ về chim cánh cụt", "2024-12-01", "[Thử nghiệm]");
        content.Write("draft.md", "title: \"Bản nháp về chim cánh cụt\"\ndraft: true");
        content.WriteArticle("kishida.md", "Thủ tướng 岸田文雄 thăm Hà Nội", "2024-01-05", "[Ngoại giao]");
        content.WriteArticle("vai-thieu-tag.md", "Mùa thu hoạch ở Bắc Giang", "2024-01-20", "[Vải thiều]", body: "Nông dân vui.");
        content.WriteArticle("vai-thieu-body.md", "Chợ đầu mối phía Bắc", "2024-01-25", "[Chợ]", body: "Xe chở vải thiều về chợ.");
        content.WriteArticle("chim-se-1.md", "Đàn chim sẻ", "2024-01-01", "[Chim]", body: "Chim sẻ về làng.");
        content.WriteArticle("chim-se-2.md", "Đàn chim sẻ", "2024-01-03", "[Chim]", body: "Chim sẻ về làng.");
        content.WriteArticle("ha-ma.md", "Nội quy vườn thú: hà mã được ăn no", "2024-05-03", "[Thử nghiệm]");
        content.WriteArticle("ha-noi-body.md", "Một ngày dạo phố", "2024-01-02", "[Du lịch]", body: "Mùa thu ở Hà Nội rất đẹp.");
        for (var i = 1; i <= 4; i++)
        {
            content.WriteArticle($"tin-nhanh-{i}.md", $"Tin nhanh Nhật số {i}", $"2024-01-1{i}", "[Tin nhanh]");
        }
        content.WriteArticle("script.md", "Bài có <script>alert(1)</script> trong tiêu đề cánh diều", "2024-01-06", "[Thử nghiệm]");
    }

    /// <summary>One page of results, ten to a page, as the search page asks for them.</summary>
    public Task<SearchResults> SearchAsync(string query, int page = 1, IReadOnlyList<string>? tags = null, DateOnly? from = null, DateOnly? to = null) =>
        Index.SearchAsync(new SearchQuery(SearchTerms.Parse(query), new ArticleListQuery(tags ?? [], from, to, page), 10), TestContext.Current.CancellationToken);

    public async Task<List<string>> TitlesAsync(string query, int page = 1) =>
        (await SearchAsync(query, page)).Hits.Select(h => h.Article.Title).ToList();

    /// <summary>The titles of the first five pages: where a result ranks further down.</summary>
    public async Task<List<string>> AllTitlesAsync(string query)
    {
        var all = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            all.AddRange(await TitlesAsync(query, page));
        }
        return all;
    }

    /// <summary>The text of each &lt;mark&gt; in a result's HTML, decoded.</summary>
    public static List<string> Marks(string html) => MarkContent().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkContent();

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Store.DisposeAsync();
        indexFolder.Dispose();
    }
}
