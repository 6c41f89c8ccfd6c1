using System.ComponentModel.DataAnnotations;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;

namespace AseanJapanNews.Web.Areas.Admin.Models;

public sealed record TagOption(string Name, string Slug);

public sealed record ArticleIndexPage(AdminArticleQuery Query, PagedList<AdminArticleRow> Articles, IReadOnlyList<TagOption> Tags);

public sealed record RevisionsPage(int ArticleId, string Title, int Version, IReadOnlyList<ArticleRevision> Revisions);

public sealed record DiffPage(int ArticleId, ArticleRevision Older, ArticleRevision Newer, IReadOnlyList<FieldDiff> Fields);

/// <summary>The raw-text import page: pasted text or an uploaded .txt.</summary>
public sealed class RawTextForm
{
    [Display(Name = "Văn bản thô (dán từ trang báo)")]
    public string? Text { get; set; }

    [Display(Name = "hoặc tệp .txt")]
    public Microsoft.AspNetCore.Http.IFormFile? File { get; set; }
}
