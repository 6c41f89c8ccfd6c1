using Microsoft.AspNetCore.Identity;

namespace AseanJapanNews.Web.Editorial;

/// <summary>Identity's validation messages, in Vietnamese, for the admin pages.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã có lỗi không xác định.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Email {email} đã có tài khoản.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Tên đăng nhập {userName} đã có.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Email “{email}” không hợp lệ.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Tên đăng nhập “{userName}” không hợp lệ.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Mật khẩu cần ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu cần ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; hãy thử lại.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Tài khoản đã có vai trò {role}.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
