using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Areas.Admin.Controllers;

/// <summary>Everything under /admin: signed in, and every POST checked for its antiforgery token.</summary>
[Area("Admin")]
[Authorize(Roles = Roles.Any)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller
{
    /// <summary>The signed-in editor's email, as revisions and the audit log record it.</summary>
    protected string Actor => User.Identity?.Name ?? "?";

    protected void Flash(string message) => TempData["Flash"] = message;
}
