using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Content;

// Over 300 lines: one case per rule of the content format (fences, keys, dates, limits, clean-up, round trips).
public class ArticleFileFormatTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static string File(string frontMatter, string body = "Nội dung.") => $"---\n{frontMatter.Trim('\n')}\n---\n\n{body}\n";

    private static ArticleFileException ParseFails(string text) => Assert.Throws<ArticleFileException>(() => ArticleFileFormat.Parse(text));

    [Fact]
    public void Parse_ReadsEveryKey()
    {
        var article = ArticleFileFormat.Parse(File("""
            title: "Thủ tướng: Kết nối là động lực cho hợp tác ASEAN - Nhật"
            slug: thu-tuong-ket-noi
            # a comment the sub-editor left
            date: 2023-12-17T08:04:00+07:00
            summary: "Sapo của bài."
            tags: [ASEAN, Nhật Bản, Đối tác chiến lược toàn diện]
            source: "Báo Nhân Dân"
            source_url: "https://nhandan.vn/bai-viet"
            author: "Hoài Thu"
            draft: true
            """, "Đoạn một.\n\nĐoạn hai."));

        Assert.Equal("Thủ tướng: Kết nối là động lực cho hợp tác ASEAN - Nhật", article.Title);
        Assert.Equal("thu-tuong-ket-noi", article.Slug);
        Assert.Equal(new DateTimeOffset(2023, 12, 17, 8, 4, 0, Vietnam), article.Date);
        Assert.True(article.DateHasTime);
        Assert.Equal("Sapo của bài.", article.Summary);
        Assert.Equal(["ASEAN", "Nhật Bản", "Đối tác chiến lược toàn diện"], article.Tags);
        Assert.Equal("Báo Nhân Dân", article.Source);
        Assert.Equal("https://nhandan.vn/bai-viet", article.SourceUrl);
        Assert.Equal("Hoài Thu", article.Author);
        Assert.True(article.Draft);
        Assert.Equal("Đoạn một.\n\nĐoạn hai.", article.Body);
    }

    [Fact]
    public void Parse_LeavesOptionalKeysEmpty_WhenAbsent()
    {
        var article = ArticleFileFormat.Parse(File("title: Tin ngắn\ndate: 2023-12-17"));
        Assert.Null(article.Slug);
        Assert.Null(article.Summary);
        Assert.Empty(article.Tags);
        Assert.Null(article.Source);
        Assert.Null(article.SourceUrl);
        Assert.Null(article.Author);
        Assert.False(article.Draft);
    }

    [Fact]
    public void Parse_TakesADateOnlyAsMidnightInVietnam()
    {
        var article = ArticleFileFormat.Parse(File("title: A\ndate: 2023-12-17"));
        Assert.Equal(new DateTimeOffset(2023, 12, 17, 0, 0, 0, Vietnam), article.Date);
        Assert.Equal(new DateTime(2023, 12, 16, 17, 0, 0, DateTimeKind.Utc), article.Date!.Value.UtcDateTime);
        Assert.False(article.DateHasTime);
    }

    [Theory]
    [InlineData("2023-12-16T23:30:00Z", "2023-12-16T23:30:00Z")]
    [InlineData("2023-12-17T06:30:00+07:00", "2023-12-16T23:30:00Z")]
    [InlineData("2023-12-17T08:30:00+09:00", "2023-12-16T23:30:00Z")]
    [InlineData("2023-12-16T18:30-05:00", "2023-12-16T23:30:00Z")]
    public void Parse_HonoursAnExplicitOffset(string date, string expectedUtc)
    {
        var article = ArticleFileFormat.Parse(File($"title: A\ndate: {date}"));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), article.Date);
        Assert.True(article.DateHasTime);
        Assert.Equal(new DateOnly(2023, 12, 17), VietnamTime.DayOf(article.Date!.Value.UtcDateTime));
    }

    [Theory]
    [InlineData("2023-12-17T06:00")]
    [InlineData("2023-12-17T06:00:00")]
    [InlineData("2023-12-17 06:00")]
    public void Parse_TakesADateTimeWithoutOffsetAsVietnamTime(string date)
    {
        var article = ArticleFileFormat.Parse(File($"title: A\ndate: {date}"));
        Assert.Equal(new DateTimeOffset(2023, 12, 17, 6, 0, 0, Vietnam), article.Date);
        Assert.True(article.DateHasTime);
    }

    [Fact]
    public void Parse_ReportsAMissingTitle()
    {
        var error = ParseFails(File("date: 2023-12-17\nsummary: Sapo"));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_ReportsAnEmptyTitle_OnItsLine()
    {
        var error = ParseFails(File("date: 2023-12-17\ntitle: \"  \"\nsummary: Sapo"));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_ReportsMalformedYaml_OnTheLineOfTheMistake()
    {
        // Line 4 of the file: a second colon in a plain scalar.
        var error = ParseFails(File("title: A\ndate: 2023-12-17\nsummary: Hai bên: nhất trí hợp tác\ntags: [ASEAN]"));
        Assert.StartsWith("YAML không hợp lệ", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Parse_ReportsBadIndentation_OnItsLine()
    {
        var error = ParseFails(File("title: A\ndate: 2023-12-17\ntags:\n  - ASEAN\n - Nhật Bản"));
        Assert.StartsWith("YAML không hợp lệ", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Line);
    }

    [Theory]
    [InlineData("17/12/2023")]
    [InlineData("2023-13-45")]
    [InlineData("hôm qua")]
    [InlineData("2023-12-17T25:00:00+07:00")]
    public void Parse_ReportsAnUnparseableDate_OnItsLine(string date)
    {
        var error = ParseFails(File($"title: A\nsummary: Sapo\ndate: \"{date}\""));
        Assert.Contains("'date'", error.Message, StringComparison.Ordinal);
        Assert.Contains(date, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T03:00")]
    public void Parse_ReportsADateBeforeTheCalendarStarts_InsteadOfCrashing(string date)
    {
        // 00:00 on 1/1/0001 in Vietnam is before DateTimeOffset.MinValue in UTC.
        var error = ParseFails(File($"title: A\ndate: {date}"));
        Assert.Contains("'date'", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_ReportsAnUnknownKey_OnItsLine()
    {
        var error = ParseFails(File("title: A\ndate: 2023-12-17\ncategory: Thời sự"));
        Assert.Contains("category", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("category: Thời sự", "category")]
    [InlineData("Title: Viết hoa", "Title")]
    [InlineData("tag: [ASEAN]", "tag")]
    public void Parse_NamesAnUnknownKey_InVietnamese_WithTheKeysItTakes(string line, string key)
    {
        var error = ParseFails(File($"title: A\ndate: 2023-12-17\n{line}\nsummary: Sapo"));

        Assert.Equal($"khóa '{key}' không có trong front matter (các khóa dùng được: title, slug, date, summary, tags, source, source_url, author, draft)", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("title: A\ndate: 2023-12-17\ntags: ASEAN", 4, "'tags' phải là danh sách")]
    [InlineData("title: A\ndate: 2023-12-17\ntags: [[ASEAN, Nhật Bản]]", 4, "'tags' phải là danh sách")]
    [InlineData("title: A\ndate: 2023-12-17\ntags:\n  - ASEAN\n  - {ten: Nhật Bản}", 4, "'tags' phải là danh sách")] // wrong on line 6, in tags
    [InlineData("title: [Một, Hai]\ndate: 2023-12-17", 2, "'title' phải là một giá trị chữ")]
    [InlineData("title: A\nsummary: {a: b}", 3, "'summary' phải là một giá trị chữ")]
    [InlineData("title: A\ndate: 2023-12-17\ndraft: có lẽ", 4, "'draft' phải là true hoặc false")]
    [InlineData("title: A\ndate: [2023-12-17]", 3, "'date' phải là một ngày")]
    public void Parse_NamesTheField_WhoseValueHasTheWrongKind(string frontMatter, int line, string message)
    {
        var error = ParseFails(File(frontMatter));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AseanJapanNews", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_SaysTheFrontMatterMustBeKeysAndValues_WhenItIsAList()
    {
        var error = ParseFails(File("- title: A\n- date: 2023-12-17"));
        Assert.StartsWith("front matter phải là các dòng 'khóa: giá trị'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("title: A\ndate: 2023-12-17\ntitle: B", "title", 4, 2)]
    [InlineData("title: A\ntags: [ASEAN]\ndate: 2023-12-17\ntags:\n  - Nhật Bản", "tags", 5, 3)]
    [InlineData("title: A\ndraft: true\ndate: 2023-12-17\ndraft: false\ndraft: true", "draft", 5, 3)]
    public void Parse_RefusesAKeyWrittenTwice_OnTheLineOfTheSecond(string frontMatter, string key, int line, int firstLine)
    {
        // Taking the last value silently would publish whichever line an editor did not mean to keep.
        var error = ParseFails(File(frontMatter));

        Assert.Equal($"khóa '{key}' bị lặp lại (đã có ở dòng {firstLine}); mỗi khóa chỉ được viết một lần", error.Message);
        Assert.Equal(line, error.Line);
    }

    private static string Padded(string start, int length) => start + new string('a', length - start.Length);

    private static string TagList(IEnumerable<string> tags) => "[" + string.Join(", ", tags.Select(t => $"\"{t}\"")) + "]";

    public static TheoryData<string, string, string> BeyondTheAdminForm => new()
    {
        { "title", $"\"{Padded("Tiêu đề ", ArticleLimits.MaxTitleLength + 1)}\"", "tiêu đề ('title') quá dài: 301 ký tự, tối đa 300 (như trang biên tập)" },
        { "summary", $"\"{Padded("Sapo ", ArticleLimits.MaxSummaryLength + 1)}\"", "sapo ('summary') quá dài: 2.001 ký tự, tối đa 2.000 (như trang biên tập)" },
        { "author", $"\"{Padded("Tác giả ", ArticleLimits.MaxAuthorLength + 1)}\"", "tác giả ('author') quá dài: 201 ký tự, tối đa 200 (như trang biên tập)" },
        { "source", $"\"{Padded("Nguồn ", ArticleLimits.MaxSourceLength + 1)}\"", "nguồn ('source') quá dài: 201 ký tự, tối đa 200 (như trang biên tập)" },
        { "source_url", $"\"{Padded("https://nhandan.vn/", ArticleLimits.MaxSourceUrlLength + 1)}\"", "địa chỉ nguồn ('source_url') quá dài: 2.001 ký tự, tối đa 2.000 (như trang biên tập)" },
        { "tags", TagList(Enumerable.Range(1, ArticleLimits.MaxTags + 1).Select(i => $"Chủ đề {i}")), "quá nhiều chủ đề ('tags'): 16, tối đa 15 (như trang biên tập)" },
        { "tags", TagList(["ASEAN", Padded("Chủ đề ", ArticleLimits.MaxTagLength + 1)]), $"chủ đề '{Padded("Chủ đề ", ArticleLimits.MaxTagLength + 1)}' quá dài: 101 ký tự, tối đa 100 (như trang biên tập)" },
        // Eleven tags of 95 characters each are within the count and the length of a tag, not the form's one field.
        { "tags", TagList(Enumerable.Range(10, 11).Select(i => Padded($"Chủ đề {i} ", 95))), "danh sách chủ đề ('tags') quá dài: 1.065 ký tự khi ghép bằng dấu phẩy, tối đa 1.000 (như trang biên tập)" },
        { "tags", TagList(["ASEAN; Nhật Bản"]), "chủ đề 'ASEAN; Nhật Bản' có dấu phẩy hoặc chấm phẩy: trang biên tập sẽ tách nó thành nhiều chủ đề" },
    };

    [Theory]
    [MemberData(nameof(BeyondTheAdminForm))]
    public void Parse_RefusesAValueTheAdminFormWouldRefuse_OnItsLine(string key, string value, string message)
    {
        // Imported, such an article would open in the editor and could not be saved again unchanged.
        var title = key == "title" ? "" : "title: A";
        var error = ParseFails(File($"date: 2023-12-17\ndraft: true\n{key}: {value}\n{title}"));

        Assert.Equal(message, error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Parse_CountsTagsAsTheArticleWillHaveThem()
    {
        // Tags that name the same tag are one tag, as the importer stores them: sixteen written, fifteen kept.
        var tags = Enumerable.Range(1, ArticleLimits.MaxTags).Select(i => $"Chủ đề {i}").Append("chủ đề 1");

        var article = ArticleFileFormat.Parse(File($"title: A\ndate: 2023-12-17\ntags: {TagList(tags)}"));

        Assert.Equal(ArticleLimits.MaxTags + 1, article.Tags.Count);
    }

    [Theory]
    [InlineData("Hà-Nội")]
    [InlineData("ha noi")]
    [InlineData("ha--noi")]
    [InlineData("-ha-noi")]
    public void Parse_ReportsAnInvalidSlug_OnItsLine(string slug)
    {
        var error = ParseFails(File($"title: A\ndate: 2023-12-17\nslug: \"{slug}\""));
        Assert.Contains("'slug'", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("slug : \"ha noi\"")] // YAML allows a space before the colon
    [InlineData("\"slug\": \"ha noi\"")] // and a quoted key
    [InlineData("'slug': ha noi")]
    public void Parse_FindsTheLineOfAKeyHoweverItIsSpelled(string slugLine)
    {
        var error = ParseFails(File($"title: A\ndate: 2023-12-17\n{slugLine}"));
        Assert.Contains("'slug'", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("ftp://nhandan.vn/bai")]
    [InlineData("javascript:alert(1)")]
    [InlineData("nhandan.vn/bai")]
    [InlineData("/tin-tuc/bai")]
    public void Parse_ReportsASourceUrlThatIsNotHttp_OnItsLine(string url)
    {
        var error = ParseFails(File($"title: A\ndate: 2023-12-17\nsource: Báo Nhân Dân\nsource_url: \"{url}\""));
        Assert.Contains("source_url", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData("Không có front matter.\n")]
    [InlineData("\n---\ntitle: A\n---\nBody")]
    [InlineData("")]
    public void Parse_ReportsMissingFrontMatter_OnLineOne(string text)
    {
        var error = ParseFails(text);
        Assert.Contains("front matter", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_ReportsUnclosedFrontMatter() =>
        Assert.Contains("'---'", ParseFails("---\ntitle: A\ndate: 2023-12-17\n\nBody").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_AcceptsWindowsLineEnds()
    {
        var article = ArticleFileFormat.Parse("---\r\ntitle: A\r\ndate: 2023-12-17\r\n---\r\n\r\nĐoạn một.\r\n");
        Assert.Equal("A", article.Title);
        Assert.Equal("Đoạn một.", article.Body);
    }

    [Fact]
    public void WriteThenParse_GivesBackTheSameArticle()
    {
        var original = new ArticleFile
        {
            Title = "Thủ tướng: Kết nối là động lực cho hợp tác ASEAN - Nhật",
            Slug = "thu-tuong-ket-noi",
            Date = new DateTimeOffset(2023, 12, 16, 23, 30, 0, TimeSpan.Zero),
            DateHasTime = true,
            Summary = "Sapo có “ngoặc kép”, dấu hai chấm: và # dấu thăng.",
            Tags = ["ASEAN", "Nhật Bản", "Đối tác chiến lược toàn diện"],
            Source = "Vietnam+",
            SourceUrl = "https://www.vietnamplus.vn/bai",
            Author = "Hải Ngọc",
            Draft = true,
            Body = "Đoạn một.\n\n^^^\n^^^ Chú thích ảnh. Ảnh: TTXVN\n\n## Tiêu đề phụ\n\nĐoạn hai.",
        };

        var parsed = ArticleFileFormat.Parse(ArticleFileFormat.Write(original));

        Assert.Equal(original.Title, parsed.Title);
        Assert.Equal(original.Slug, parsed.Slug);
        Assert.Equal(original.Date, parsed.Date);
        Assert.Equal(original.DateHasTime, parsed.DateHasTime);
        Assert.Equal(original.Summary, parsed.Summary);
        Assert.Equal(original.Tags, parsed.Tags);
        Assert.Equal(original.Source, parsed.Source);
        Assert.Equal(original.SourceUrl, parsed.SourceUrl);
        Assert.Equal(original.Author, parsed.Author);
        Assert.Equal(original.Draft, parsed.Draft);
        Assert.Equal(original.Body, parsed.Body);
    }

    [Fact]
    public void WriteThenParse_KeepsADateOnlyAsADay()
    {
        var original = new ArticleFile { Title = "A", Date = new DateTimeOffset(2023, 12, 17, 0, 0, 0, Vietnam), DateHasTime = false };
        var text = ArticleFileFormat.Write(original);
        Assert.Contains("date: 2023-12-17\n", text, StringComparison.Ordinal);
        var parsed = ArticleFileFormat.Parse(text);
        Assert.Equal(original.Date, parsed.Date);
        Assert.False(parsed.DateHasTime);
    }

    [Fact]
    public void Write_LeavesOutKeysThatAreNotSet()
    {
        var text = ArticleFileFormat.Write(new ArticleFile { Title = "A", Date = new DateTimeOffset(2023, 12, 17, 0, 0, 0, Vietnam) });
        Assert.DoesNotContain("slug", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tags", text, StringComparison.Ordinal);
        Assert.DoesNotContain("draft", text, StringComparison.Ordinal);
        Assert.DoesNotContain("source", text, StringComparison.Ordinal);
    }
}
