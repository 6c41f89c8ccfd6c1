using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>A refused save answers 200 with the Vietnamese message beside the field and everything typed kept.</summary>
public sealed class ArticleValidationTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private async Task<FormResult> SaveNewAsync(Dictionary<string, string?> fields)
    {
        var editor = await app.SignInAsEditorAsync();
        return await editor.SubmitAsync("/admin/articles/new", fields, button: "save");
    }

    private Task<int> ArticleCountAsync() => app.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

    [Theory]
    [InlineData("Form.Title", "", "Cần nhập tiêu đề.")]
    [InlineData("Form.Slug", "Co Dau Hoa", "Đường dẫn chỉ gồm chữ thường")]
    [InlineData("Form.Slug", "dau-gach--kep", "Đường dẫn chỉ gồm chữ thường")]
    [InlineData("Form.SourceUrl", "javascript:alert(1)", "http:// hoặc https://")]
    [InlineData("Form.SourceUrl", "ftp://tin.example.vn/bai", "http:// hoặc https://")]
    [InlineData("Form.SourceUrl", "/duong-dan-tuong-doi", "http:// hoặc https://")]
    [InlineData("Form.PublishDate", "2024-02-30", "Ngày đăng không hợp lệ")]
    [InlineData("Form.PublishDate", "17/12/2023", "Ngày đăng không hợp lệ")]
    [InlineData("Form.PublishTime", "25:00", "Giờ đăng không hợp lệ")]
    [InlineData("Form.PublishDate", "0001-01-01", "Ngày đăng phải trong khoảng 01/01/1900–31/12/2100")]
    [InlineData("Form.PublishDate", "0202-05-01", "Ngày đăng phải trong khoảng 01/01/1900–31/12/2100")]
    [InlineData("Form.PublishDate", "1899-12-31", "Ngày đăng phải trong khoảng 01/01/1900–31/12/2100")]
    [InlineData("Form.PublishDate", "2101-01-01", "Ngày đăng phải trong khoảng 01/01/1900–31/12/2100")]
    public async Task A_bad_field_is_refused_with_its_message_beside_it_and_the_typed_text_kept(string field, string value, string message)
    {
        var before = await ArticleCountAsync();
        var fields = ArticleFields.Of("Tiêu đề đang gõ dở", body: "Nội dung **đang gõ** dở.", tags: "Một, Hai", date: "2024-05-30", time: "08:15");
        fields[field] = value;

        var result = await SaveNewAsync(fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(value, result.FieldValue(field));
        foreach (var (name, typed) in fields.Where(f => f.Key != field))
        {
            Assert.Equal(typed, result.FieldValue(name));
        }
        Assert.Equal(before, await ArticleCountAsync());
    }

    [Theory]
    [InlineData("1900-01-01", "publish")]
    [InlineData("2100-12-31", "publish")]
    [InlineData("0001-01-01", "publish")]
    [InlineData("0202-05-01", "publish")]
    public async Task A_date_at_the_edge_of_the_range_saves_and_one_beyond_it_is_refused_whatever_the_button(string date, string button)
    {
        var editor = await app.SignInAsEditorAsync();
        var title = $"Bài ngày {date}";

        var result = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of(title, date: date, time: "00:00"), button);

        var inRange = date is "1900-01-01" or "2100-12-31";
        Assert.Equal(inRange ? HttpStatusCode.Redirect : HttpStatusCode.OK, result.Status);
        Assert.Equal(inRange, await app.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Title == title))));
        if (!inRange)
        {
            Assert.Contains("1900", result.FieldError("Form.PublishDate"), StringComparison.Ordinal);
            Assert.Equal(title, result.FieldValue("Form.Title"));
        }
    }

    [Fact]
    public async Task AnEmptyBodySavesAsADraft_ButIsNotPublished_AndTheTextIsKept()
    {
        var editor = await app.SignInAsEditorAsync();
        var before = await ArticleCountAsync();

        var published = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài chưa có nội dung", body: "", tags: "Nháp"), "publish");

        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Contains("cần có nội dung", published.Page.BodyText, StringComparison.Ordinal);
        Assert.Equal("Bài chưa có nội dung", published.FieldValue("Form.Title"));
        Assert.Equal(before, await ArticleCountAsync());

        var draft = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài chưa có nội dung", body: "", tags: "Nháp"), "save");
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        // Emptying the body of a published article is refused the same way.
        var live = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài đã đăng rồi xoá trắng", tags: "Nháp"), "publish")).ArticleId;
        var emptied = await editor.SubmitAsync($"/admin/articles/{live}", ArticleFields.Of("Bài đã đăng rồi xoá trắng", body: "", tags: "Nháp"), "save");
        Assert.Equal(HttpStatusCode.OK, emptied.Status);
        Assert.Contains("cần có nội dung", emptied.Page.BodyText, StringComparison.Ordinal);
        Assert.Equal("Đoạn mở đầu của bài.", await app.WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Id == live).Body)));
    }

    [Fact]
    public async Task A_title_longer_than_300_characters_is_refused()
    {
        var title = new string('Á', 301);

        var result = await SaveNewAsync(ArticleFields.Of(title));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Tiêu đề tối đa 300 ký tự", result.FieldError("Form.Title"), StringComparison.Ordinal);
        Assert.Equal(title, result.FieldValue("Form.Title"));
    }

    [Fact]
    public async Task A_body_longer_than_200000_characters_is_refused_and_kept_in_the_form()
    {
        var body = string.Concat(Enumerable.Repeat("Câu văn dài. ", 16_000)) + "hết";
        Assert.True(body.Length > 200_000);

        var result = await SaveNewAsync(ArticleFields.Of("Bài quá dài", body: body));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Nội dung tối đa 200000 ký tự", result.FieldError("Form.Body").Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(body, result.FieldValue("Form.Body"));
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Title == "Bài quá dài"))));
    }

    [Fact]
    public async Task A_body_at_the_limit_counting_line_breaks_as_one_character_saves_though_the_browser_sends_them_as_CRLF()
    {
        // 200,000 characters as the importer counts them (LF); a browser posts each line break as CRLF.
        var paragraph = new string('x', 98) + "\n\n";
        var body = string.Concat(Enumerable.Repeat(paragraph, 2_000))[..^2] + "hế";
        Assert.Equal(200_000, body.Length);
        var posted = body.Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = await SaveNewAsync(ArticleFields.Of("Bài vừa đủ dài", body: posted));

        Assert.True(result.Status == HttpStatusCode.Redirect, result.FieldError("Form.Body"));
        Assert.Equal(body, (await app.ArticleAsync(result.ArticleId)).Body);
    }

    [Fact]
    public async Task A_slug_already_used_is_refused_with_a_message_naming_the_other_article()
    {
        var editor = await app.SignInAsEditorAsync();
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài giữ đường dẫn", slug: "duong-dan-da-dung"), button: "save");

        var result = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài muốn cùng đường dẫn", slug: "duong-dan-da-dung"), button: "save");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var message = result.FieldError("Form.Slug");
        Assert.Contains("đã được dùng", message, StringComparison.Ordinal);
        Assert.Contains("Bài giữ đường dẫn", message, StringComparison.Ordinal);
        Assert.Equal("Bài muốn cùng đường dẫn", result.FieldValue("Form.Title"));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Articles.Count(a => a.Slug == "duong-dan-da-dung"))));
    }

    [Fact]
    public async Task RenamingAnArticleOntoAnotherOnesSlugIsRefused_AndChangesNothing()
    {
        var editor = await app.SignInAsEditorAsync();
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài thứ nhất có đường dẫn", slug: "duong-dan-thu-nhat"), button: "save");
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài thứ hai đổi đường dẫn"), button: "save")).ArticleId;

        var result = await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Slug"] = "duong-dan-thu-nhat", ["Form.Body"] = "Sửa kèm" }, button: "save");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Bài thứ nhất có đường dẫn", result.FieldError("Form.Slug"), StringComparison.Ordinal);
        Assert.Equal("Sửa kèm", result.FieldValue("Form.Body"));
        Assert.Equal("bai-thu-hai-doi-duong-dan", (await app.ArticleAsync(id)).Slug);
    }

    [Fact]
    public async Task TheSlugCheck_ForTheEditorScriptNamesTheArticleThatHoldsIt()
    {
        var editor = await app.SignInAsEditorAsync();
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Chủ nhân của đường dẫn"), button: "save");

        using var response = await editor.Client.GetAsync("/admin/articles/slug?title=" + Uri.EscapeDataString("Chủ nhân của đường dẫn"), TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("chu-nhan-cua-duong-dan", doc.RootElement.GetProperty("slug").GetString());
        Assert.Equal("Chủ nhân của đường dẫn", doc.RootElement.GetProperty("takenBy").GetString());
    }

    [Fact]
    public async Task A_new_article_with_a_taken_title_gets_a_free_slug_of_its_own()
    {
        var editor = await app.SignInAsEditorAsync();
        var first = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Tiêu đề trùng nhau"), button: "save")).ArticleId;

        var second = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Tiêu đề trùng nhau"), button: "save")).ArticleId;

        Assert.NotEqual((await app.ArticleAsync(first)).Slug, (await app.ArticleAsync(second)).Slug);
    }

    [Fact]
    public async Task ThePreviewButtonRendersTheBody_WithoutSaving()
    {
        var editor = await app.SignInAsEditorAsync();
        var before = await ArticleCountAsync();

        var result = await editor.SubmitAsync("/admin/articles/new",
            ArticleFields.Of("Chỉ xem trước", body: "## Tiêu đề phụ\n\nĐoạn có **chữ đậm**."), button: "preview");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Tiêu đề phụ", result.Page.Text("[data-preview-target] h2"));
        Assert.Equal("chữ đậm", result.Page.Text("[data-preview-target] strong"));
        Assert.Equal("Chỉ xem trước", result.FieldValue("Form.Title"));
        Assert.Equal(before, await ArticleCountAsync());
    }
}
