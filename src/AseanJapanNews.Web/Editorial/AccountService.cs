using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AseanJapanNews.Web.Editorial;

/// <summary>Creating and changing newsroom accounts; shared by the admin pages, first-run setup and the CLI.</summary>
public sealed class AccountService(UserManager<Editor> users, TimeProvider clock)
{
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"Vai trò phải là {Roles.Admin} hoặc {Roles.Editor}." });
        }
        var editor = new Editor
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(editor, password);
        return created.Succeeded ? await users.AddToRoleAsync(editor, role) : created;
    }

    public async Task<IdentityResult> SetRoleAsync(Editor editor, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = "Vai trò không hợp lệ." });
        }
        var removed = await users.RemoveFromRolesAsync(editor, await users.GetRolesAsync(editor));
        return removed.Succeeded ? await users.AddToRoleAsync(editor, role) : removed;
    }

    /// <summary>Disabling also changes the security stamp, which signs the account out everywhere.</summary>
    public async Task<IdentityResult> SetDisabledAsync(Editor editor, bool disabled)
    {
        editor.IsDisabled = disabled;
        var updated = await users.UpdateAsync(editor);
        return updated.Succeeded ? await users.UpdateSecurityStampAsync(editor) : updated;
    }

    public async Task<IdentityResult> ResetPasswordAsync(Editor editor, string newPassword)
    {
        var token = await users.GeneratePasswordResetTokenAsync(editor);
        var reset = await users.ResetPasswordAsync(editor, token, newPassword);
        if (reset.Succeeded)
        {
            await users.SetLockoutEndDateAsync(editor, null);
            await users.ResetAccessFailedCountAsync(editor);
        }
        return reset;
    }
}
