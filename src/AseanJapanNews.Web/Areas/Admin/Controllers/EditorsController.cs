using System.Security.Cryptography;
using AseanJapanNews.Web.Areas.Admin.Models;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Areas.Admin.Controllers;

/// <summary>Admins manage the newsroom's accounts.</summary>
[Route("admin/editors")]
[Authorize(Roles = Roles.Admin)]
public sealed class EditorsController(UserManager<Editor> users, AccountService accounts, AuditLog audit) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var editors = await users.Users.AsNoTracking().OrderBy(e => e.Email).ToListAsync(ct);
        var rows = new List<EditorRow>();
        foreach (var editor in editors)
        {
            var role = (await users.GetRolesAsync(editor)).FirstOrDefault() ?? "";
            rows.Add(new EditorRow(editor.Id, editor.Email ?? "", editor.DisplayName, role, editor.IsDisabled,
                editor.LockoutEnd is { } end && end > DateTimeOffset.UtcNow));
        }
        ViewBag.NewAccount = new NewAccountForm();
        return View(rows);
    }

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "NewAccount")] NewAccountForm form)
    {
        if (ModelState.IsValid)
        {
            var created = await accounts.CreateAsync(form.Email, form.DisplayName ?? "", form.Password, form.Role);
            if (created.Succeeded)
            {
                await audit.RecordNowAsync(Actor, AuditAction.EditorCreate, form.Email.Trim(), form.Role);
                Flash($"Đã tạo tài khoản {form.Email.Trim()} ({form.Role}). Hãy gửi mật khẩu cho người dùng qua kênh an toàn.");
                return RedirectToAction(nameof(Index));
            }
            Flash(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        else
        {
            Flash(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => Change(id, AuditAction.EditorDisable, e => accounts.SetDisabledAsync(e, true), "Đã vô hiệu hóa tài khoản.");

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => Change(id, AuditAction.EditorEnable, e => accounts.SetDisabledAsync(e, false), "Đã kích hoạt lại tài khoản.");

    [HttpPost("{id}/role")]
    public Task<IActionResult> Role(string id, string role) => Change(id, AuditAction.EditorRole, e => accounts.SetRoleAsync(e, role), $"Đã đổi vai trò thành {role}.");

    /// <summary>Sets a new random password, shown once to the admin who reset it.</summary>
    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        return await Change(id, AuditAction.EditorPassword, e => accounts.ResetPasswordAsync(e, password), $"Mật khẩu mới (chỉ hiện một lần): {password}");
    }

    private async Task<IActionResult> Change(string id, AuditAction action, Func<Editor, Task<IdentityResult>> change, string success)
    {
        var editor = await users.FindByIdAsync(id);
        if (editor is null)
        {
            return NotFound();
        }
        if (editor.Email == Actor && (action == AuditAction.EditorDisable || action == AuditAction.EditorRole))
        {
            Flash("Bạn không thể tự vô hiệu hóa hoặc đổi vai trò của chính mình.");
            return RedirectToAction(nameof(Index));
        }
        var result = await change(editor);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(Actor, action, editor.Email ?? id);
        }
        Flash(result.Succeeded ? success : string.Join(" ", result.Errors.Select(e => e.Description)));
        return RedirectToAction(nameof(Index));
    }
}
