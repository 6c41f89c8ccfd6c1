using AseanJapanNews.Web.Areas.Admin.Models;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Areas.Admin.Controllers;

[AllowAnonymous]
[Route("admin")]
public sealed class AccountController(
    SignInManager<Editor> signIn, UserManager<Editor> users, AccountService accounts, FirstRunSetup setup, AuditLog audit)
    : AdminController
{
    [HttpGet("")]
    public IActionResult Home() => RedirectToAction("Index", "Articles");

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RequestPipeline.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var editor = await users.FindByEmailAsync(form.Email.Trim());
        var result = editor is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(editor, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(editor!.Email!, AuditAction.SignIn);
            // Only our own pages: never an open redirect.
            return Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)
                ? LocalRedirect(form.ReturnUrl)
                : RedirectToAction("Index", "Articles");
        }
        await audit.RecordNowAsync(form.Email.Trim(), result.IsLockedOut ? AuditAction.Lockout : AuditAction.SignInFailed,
            details: HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");
        // One message for every refusal: a lockout message only for addresses that have an account told anyone
        // who tried five times which e-mail addresses do.
        ModelState.AddModelError("", "Email hoặc mật khẩu không đúng, tài khoản đã bị vô hiệu hóa, hoặc tài khoản tạm bị khóa " +
            "vì nhập sai mật khẩu nhiều lần (khi đó hãy thử lại sau 15 phút).");
        form.Password = "";
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect(ReaderPaths.Home);
    }

    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("setup")]
    public async Task<IActionResult> Setup(string? token) =>
        await SetupIsOpenAsync(token) ? View(new NewAccountForm { Token = token, Role = Roles.Admin }) : NotFound();

    [HttpPost("setup")]
    public async Task<IActionResult> Setup(NewAccountForm form)
    {
        if (!await SetupIsOpenAsync(form.Token))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var created = await accounts.CreateAsync(form.Email, form.DisplayName ?? "", form.Password, Roles.Admin);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return View(form);
        }
        setup.Spend();
        await audit.RecordNowAsync(form.Email.Trim(), AuditAction.Setup, details: "Tài khoản quản trị đầu tiên");
        await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: false);
        return RedirectToAction("Index", "Articles");
    }

    private async Task<bool> SetupIsOpenAsync(string? token) =>
        setup.Matches(token) && !await users.Users.AnyAsync();
}
