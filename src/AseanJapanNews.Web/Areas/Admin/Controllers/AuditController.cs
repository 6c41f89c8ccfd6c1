using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Areas.Admin.Controllers;

[Route("admin/audit")]
[Authorize(Roles = Roles.Admin)]
public sealed class AuditController(NewsDbContext db) : AdminController
{
    public const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, PageWindow.MaxNumber);
        // One row more than a page: whether there is an older page, without counting the log.
        var entries = await db.Audit.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip(new PageWindow(page, PageSize).Skip).Take(PageSize + 1)
            .ToListAsync(ct);
        ViewBag.Page = page;
        ViewBag.HasMore = entries.Count > PageSize;
        return View(entries.Take(PageSize).ToList());
    }
}
