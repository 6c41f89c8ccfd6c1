using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class AuditLogTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task TheAuditLogShowsAdminsWhoCreatedEditedPublishedTrashedRestoredPurged_AndSignedIn()
    {
        var editor = await app.SignInAsEditorAsync();
        var admin = await app.SignInAsAdminAsync();
        await new AdminSession(app.Client()).SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = "bientap@tin.example.vn", ["Password"] = "sai-mat-khau-roi" });
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài để ghi nhật ký"), button: "save")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Đã sửa." }, button: "publish");
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), button: "unpublish");
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/restore");
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");
        await admin.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/purge");

        var page = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll(".admin-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(td => (Actor: td[1], Action: td[2], Subject: td[3]))
            .ToList();
        const string editorEmail = "bientap@tin.example.vn";
        const string slug = "bai-de-ghi-nhat-ky";
        // Said in Vietnamese, as the admin pages' buttons say them (the stored names are in the cells' title).
        foreach (var action in new[] { "Tạo bài", "Sửa bài", "Xuất bản", "Gỡ xuống", "Chuyển vào thùng rác", "Khôi phục từ thùng rác" })
        {
            Assert.Contains((editorEmail, action, slug), rows);
        }
        Assert.Contains(("admin@tin.example.vn", "Xóa vĩnh viễn", slug), rows);
        Assert.Contains(rows, r => r == (editorEmail, "Đăng nhập", ""));
        Assert.Contains(rows, r => r == ("admin@tin.example.vn", "Đăng nhập", ""));
        Assert.Contains(rows, r => r == (editorEmail, "Đăng nhập không thành công", ""));
        Assert.True(rows.FindIndex(r => r.Action == "Xóa vĩnh viễn") < rows.FindIndex(r => r.Action == "Tạo bài"), "newest first");
    }
}
