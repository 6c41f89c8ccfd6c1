using AseanJapanNews.Web.Areas.Admin.Models;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Areas.Admin.Controllers;

[Route("admin/articles")]
public sealed class ArticlesController(
    NewsDbContext db, ArticleEditor editor, AdminArticleList list, RawTextDrafts rawText, TimeProvider clock) : AdminController
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(EditorialState state, string? tag, string? q, int page = 1, CancellationToken ct = default)
    {
        var query = new AdminArticleQuery(state, tag, q?.Length > 300 ? q[..300] : q, Math.Clamp(page, 1, PageWindow.MaxNumber));
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.SortKey).Select(t => new TagOption(t.Name, t.Slug)).ToListAsync(ct);
        return View(new ArticleIndexPage(query, await list.ListAsync(query, ct), tags));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => await EditView(ArticleForm.New(), ct);

    [HttpPost("new")]
    public async Task<IActionResult> Create(ArticleForm form, string? submit, CancellationToken ct)
    {
        if (submit == "preview" || !ModelState.IsValid)
        {
            return await EditView(form, ct, preview: submit == "preview");
        }
        var outcome = await editor.CreateAsync(form.ToChanges(), IntentOf(submit), Actor, ct);
        return await AfterSave(outcome, form, ct);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? NotFound() : await EditView(ArticleForm.From(article, Now), ct);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, ArticleForm form, string? submit, CancellationToken ct)
    {
        form.Id = id;
        if (submit == "preview" || !ModelState.IsValid)
        {
            return await EditView(form, ct, preview: submit == "preview");
        }
        var outcome = await editor.UpdateAsync(id, form.Version, form.ToChanges(), IntentOf(submit), Actor, ct);
        return await AfterSave(outcome, form, ct);
    }

    /// <summary>Live preview for the editor page's script: the site's own Markdown pipeline.</summary>
    [HttpPost("preview")]
    public IActionResult Preview([FromForm] string? body) =>
        TextHygiene.UnifyLineBreaks(body) is { Length: > ArticleLimits.MaxBodyLength }
            ? BadRequest("Nội dung quá dài.")
            : Content(MarkdownLimits.Check(body) is { } problem
                ? $"<p class=\"preview-error\">{System.Net.WebUtility.HtmlEncode(ArticleForm.BodyProblem(problem))}</p>"
                : ArticleMarkdown.ToHtml(body ?? ""), "text/html; charset=utf-8");

    /// <summary>The slug a title would get, and whether it is free (for the editor page's script).</summary>
    [HttpGet("slug")]
    public async Task<IActionResult> SlugFor(string? title, string? slug, int? id, CancellationToken ct)
    {
        var candidate = string.IsNullOrWhiteSpace(slug) ? Slug.From(title ?? "") : slug.Trim();
        var owner = candidate.Length == 0 ? null : await db.Articles.AsNoTracking()
            .Where(a => a.Slug == candidate && a.Id != (id ?? 0)).Select(a => a.Title).FirstOrDefaultAsync(ct);
        return Json(new { slug = candidate, valid = Slug.IsValid(candidate), takenBy = owner });
    }

    [HttpPost("{id:int}/trash")]
    public async Task<IActionResult> Trash(int id, int version, CancellationToken ct) =>
        AfterStateChange(id, await editor.TrashAsync(id, version, Actor, ct), "Đã chuyển bài vào thùng rác.");

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, int version, CancellationToken ct) =>
        AfterStateChange(id, await editor.RestoreAsync(id, version, Actor, ct), "Đã khôi phục bài từ thùng rác.");

    [HttpPost("{id:int}/unpublish")]
    public async Task<IActionResult> Unpublish(int id, int version, CancellationToken ct) =>
        AfterStateChange(id, await editor.UnpublishAsync(id, version, Actor, ct), "Đã gỡ bài xuống, bài trở về bản nháp.");

    [HttpPost("{id:int}/purge")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Purge(int id, CancellationToken ct)
    {
        var outcome = await editor.PurgeAsync(id, Actor, ct);
        if (outcome is EditOutcome.Saved)
        {
            Flash("Đã xóa vĩnh viễn bài viết.");
            return RedirectToAction(nameof(Index), new { state = EditorialState.Trash });
        }
        return AfterStateChange(id, outcome, "");
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new RawTextForm());

    /// <summary>Raw text pasted or uploaded → the converter fills a new article form. Nothing is saved here.</summary>
    [HttpPost("import")]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Import(RawTextForm input, CancellationToken ct)
    {
        var text = input.Text;
        if (input.File is { Length: > 0 } file)
        {
            if (file.Length > ContentBytes.MaxFileBytes)
            {
                ModelState.AddModelError(nameof(RawTextForm.File), $"Tệp quá lớn (tối đa {ContentBytes.MaxFileBytes / 1024:N0} KB).");
                return View(input);
            }
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, ct);
            if (!ContentBytes.TryDecode(bytes.ToArray(), out text))
            {
                ModelState.AddModelError(nameof(RawTextForm.File), "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp dưới dạng UTF-8 rồi thử lại.");
                return View(input);
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(RawTextForm.Text), "Hãy dán văn bản hoặc chọn một tệp .txt.");
            return View(input);
        }
        if (text.Length > ContentBytes.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(RawTextForm.Text), "Văn bản quá dài.");
            return View(input);
        }
        ArticleDraft draft;
        try
        {
            draft = rawText.Convert(text);
        }
        catch (ArticleFileException e)
        {
            ModelState.AddModelError(nameof(RawTextForm.Text), $"Không chuyển đổi được văn bản này: {e.Message}");
            return View(input);
        }
        if (!DraftFiles.HoldsArticle(draft))
        {
            ModelState.AddModelError(nameof(RawTextForm.Text), "Không tìm thấy bài viết trong văn bản này (không có tiêu đề và nội dung).");
            return View(input);
        }
        ModelState.Clear();
        if (MarkdownLimits.Check(draft.Body) is { } problem)
        {
            // Shown now, beside the body, rather than when the editor first tries to save it.
            ModelState.AddModelError(FormField(nameof(ArticleForm.Body)), ArticleForm.BodyProblem(problem));
        }
        var page = await EditPage(ArticleForm.FromDraft(draft), ct) with
        {
            RemovedByImport = DraftFiles.Describe(draft),
            PreviewHtml = ArticleMarkdown.ToHtml(draft.Body),
        };
        return View("Edit", page);
    }

    [HttpGet("{id:int}/revisions")]
    public async Task<IActionResult> Revisions(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Title, a.Version }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        return View(new RevisionsPage(article.Id, article.Title, article.Version, revisions));
    }

    [HttpGet("{id:int}/revisions/diff")]
    public async Task<IActionResult> Diff(int id, int from, int to, CancellationToken ct)
    {
        var pair = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id && (r.Number == from || r.Number == to)).ToListAsync(ct);
        var older = pair.SingleOrDefault(r => r.Number == Math.Min(from, to));
        var newer = pair.SingleOrDefault(r => r.Number == Math.Max(from, to));
        if (older is null || newer is null)
        {
            return NotFound();
        }
        return View(new DiffPage(id, older, newer, RevisionDiff.Compare(older, newer)));
    }

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision(int id, int number, int version, CancellationToken ct) =>
        AfterStateChange(id, await editor.RestoreRevisionAsync(id, number, version, Actor, ct), $"Đã khôi phục nội dung bản #{number} (lưu thành bản mới).");

    /// <summary>The edit view binds the form as <c>Form.*</c>, so that is where its messages go.</summary>
    private static string FormField(string name) => $"{nameof(ArticleEditPage.Form)}.{name}";

    private static SaveIntent IntentOf(string? submit) => submit switch
    {
        "publish" => SaveIntent.Publish,
        "unpublish" => SaveIntent.Unpublish,
        _ => SaveIntent.Keep,
    };

    private async Task<IActionResult> AfterSave(EditOutcome outcome, ArticleForm form, CancellationToken ct)
    {
        switch (outcome)
        {
            case EditOutcome.Saved saved:
                Flash("Đã lưu bài viết.");
                return RedirectToAction(nameof(Edit), new { id = saved.Id });
            case EditOutcome.SlugTaken taken:
                ModelState.AddModelError(FormField(nameof(ArticleForm.Slug)), $"Đường dẫn “{taken.Slug}” đã được dùng cho bài “{taken.OtherTitle}”. Hãy chọn đường dẫn khác.");
                return await EditView(form, ct);
            case EditOutcome.Conflict conflict:
                return await ConflictView(form, conflict, ct);
            case EditOutcome.NotAllowed refused:
                ModelState.AddModelError("", refused.Reason);
                return await EditView(form, ct);
            default:
                return NotFound();
        }
    }

    private IActionResult AfterStateChange(int id, EditOutcome outcome, string success)
    {
        switch (outcome)
        {
            case EditOutcome.Saved:
                Flash(success);
                return RedirectToAction(nameof(Edit), new { id });
            case EditOutcome.Conflict conflict:
                Flash($"Chưa thực hiện: bài vừa được {conflict.Latest?.SavedBy ?? "người khác"} thay đổi. Hãy xem lại bài rồi thử lại.");
                return RedirectToAction(nameof(Edit), new { id });
            case EditOutcome.NotAllowed refused:
                Flash(refused.Reason);
                return RedirectToAction(nameof(Edit), new { id });
            case EditOutcome.SlugTaken taken:
                Flash($"Không khôi phục được: đường dẫn “{taken.Slug}” đang được bài “{taken.OtherTitle}” dùng.");
                return RedirectToAction(nameof(Edit), new { id });
            default:
                return NotFound();
        }
    }

    /// <summary>The second save of a concurrent edit: refused, with what changed, and the editor's text kept on screen.</summary>
    private async Task<IActionResult> ConflictView(ArticleForm form, EditOutcome.Conflict conflict, CancellationToken ct)
    {
        var mine = ArticleRevisions.Snapshot(
            new Article
            {
                Slug = form.Slug ?? "", Title = form.Title, Summary = form.Summary ?? "", Body = form.Body ?? "",
                PublishedAtUtc = form.ToChanges().PublishedAtUtc, Author = form.Author, SourceName = form.Source, SourceUrl = form.SourceUrl,
                Tags = TagSet.Split(form.Tags).Select(n => new Tag { Name = n, Slug = "", SortKey = "" }).ToList(),
                // The state this editor saw, so that a state someone else changed (trash, unpublish) shows as a difference.
                Status = conflict.OpenedStatus ?? conflict.Latest?.Status ?? ArticleStatus.Draft,
            },
            0, Actor, "", Now);
        mine.PublishedTimeKnown = conflict.Latest?.PublishedTimeKnown ?? false;
        var differences = conflict.Latest is null ? [] : RevisionDiff.Compare(conflict.Latest, mine);
        ModelState.AddModelError("", conflict.Latest?.Status == ArticleStatus.Trashed
            ? "Bài chưa được lưu: bài đã bị chuyển vào thùng rác sau khi bạn mở nó. Nội dung bạn nhập vẫn còn nguyên bên dưới."
            : "Bài chưa được lưu: người khác đã sửa bài này sau khi bạn mở nó. Nội dung bạn nhập vẫn còn nguyên bên dưới.");
        // Saving again from this page is a deliberate overwrite of the version shown here.
        ModelState.Remove(FormField(nameof(ArticleForm.Version)));
        form.Version = conflict.CurrentVersion;
        var page = await EditPage(form, ct) with
        {
            Conflict = new ConflictInfo(conflict.Latest?.SavedBy, conflict.Latest?.SavedAtUtc, conflict.Latest?.Number, differences)
            {
                OpenedStatus = conflict.OpenedStatus,
                CurrentStatus = conflict.Latest?.Status,
            },
        };
        return View("Edit", page);
    }

    private async Task<IActionResult> EditView(ArticleForm form, CancellationToken ct, bool preview = false)
    {
        var page = await EditPage(form, ct);
        return View("Edit", preview ? page with { PreviewHtml = ArticleMarkdown.ToHtml(form.Body ?? "") } : page);
    }

    private async Task<ArticleEditPage> EditPage(ArticleForm form, CancellationToken ct)
    {
        if (form.Id is { } id)
        {
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Status, a.PublishedAtUtc, a.OriginFile }).SingleOrDefaultAsync(ct);
            if (current is not null)
            {
                form.State = EditorialStates.Of(current.Status, current.PublishedAtUtc, Now);
                form.OriginFile = current.OriginFile;
            }
        }
        var knownTags = await db.Tags.AsNoTracking().OrderBy(t => t.SortKey).Select(t => t.Name).Take(500).ToListAsync(ct);
        return new ArticleEditPage(form) { KnownTags = knownTags };
    }
}
