using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Editorial;

/// <summary>
/// What an audit entry says was done. <see cref="Name"/> is what <see cref="AuditEntry.Action"/> stores (entries
/// already written keep it, so it never changes); <see cref="Label"/> is how the admin pages say it: the text of
/// the action's button and, for an article, the reason its revision records.
/// </summary>
public sealed class AuditAction
{
    private AuditAction(string name, string label)
    {
        Name = name;
        Label = label;
    }

    public string Name { get; }
    public string Label { get; }

    /// <summary>The label inside a sentence: "Sửa và <c>xuất bản</c>".</summary>
    public string Phrase => Label[..1].ToLower(VietnameseText.Culture) + Label[1..];

    // Articles (ArticleEditor).
    public static readonly AuditAction Create = new("create", "Tạo bài");
    public static readonly AuditAction Edit = new("edit", "Sửa bài");
    public static readonly AuditAction Publish = new("publish", "Xuất bản");
    public static readonly AuditAction Schedule = new("schedule", "Hẹn giờ đăng");
    public static readonly AuditAction Unpublish = new("unpublish", "Gỡ xuống");
    public static readonly AuditAction Trash = new("trash", "Chuyển vào thùng rác");
    public static readonly AuditAction Restore = new("restore", "Khôi phục từ thùng rác");
    public static readonly AuditAction RestoreRevision = new("restore-revision", "Khôi phục bản");
    public static readonly AuditAction Purge = new("purge", "Xóa vĩnh viễn");

    // Sign-in (AccountController).
    public static readonly AuditAction SignIn = new("sign-in", "Đăng nhập");
    public static readonly AuditAction SignInFailed = new("sign-in-failed", "Đăng nhập không thành công");
    public static readonly AuditAction Lockout = new("lockout", "Tạm khóa");
    public static readonly AuditAction Setup = new("setup", "Tạo tài khoản quản trị đầu tiên");

    // Accounts (EditorsController, and the command line's create-editor).
    public static readonly AuditAction EditorCreate = new("editor-create", "Tạo tài khoản");
    public static readonly AuditAction EditorDisable = new("editor-disable", "Vô hiệu hóa");
    public static readonly AuditAction EditorEnable = new("editor-enable", "Kích hoạt");
    public static readonly AuditAction EditorRole = new("editor-role", "Đổi vai trò");
    public static readonly AuditAction EditorPassword = new("editor-password", "Đặt lại mật khẩu");

    private static readonly Dictionary<string, AuditAction> ByName = typeof(AuditAction)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(AuditAction))
        .Select(f => (AuditAction)f.GetValue(null)!)
        .ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>How the audit page says a stored action: its label, or the stored name for one this build does not know.</summary>
    public static string LabelOf(string name) => ByName.TryGetValue(name, out var action) ? action.Label : name;
}
