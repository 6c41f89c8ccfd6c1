using System.ComponentModel.DataAnnotations;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Areas.Admin.Models;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Cần nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email tối đa {1} ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Cần nhập mật khẩu.")]
    [StringLength(200, ErrorMessage = "Mật khẩu tối đa {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class NewAccountForm
{
    [Required(ErrorMessage = "Cần nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email tối đa {1} ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessage = "Tên hiển thị tối đa {1} ký tự.")]
    [Display(Name = "Tên hiển thị")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Cần nhập mật khẩu.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Mật khẩu cần từ {2} đến {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [Display(Name = "Vai trò")]
    public string Role { get; set; } = Roles.Editor;

    /// <summary>Only on the first-run setup page.</summary>
    public string? Token { get; set; }
}

public sealed record EditorRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut);
