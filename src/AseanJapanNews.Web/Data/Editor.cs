using Microsoft.AspNetCore.Identity;

namespace AseanJapanNews.Web.Data;

/// <summary>A newsroom account (ASP.NET Core Identity user). Roles: <see cref="Roles"/>.</summary>
public class Editor : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The two roles an editor account can have (Identity role names).</summary>
public static class Roles
{
    /// <summary>Manages editor accounts and purges the trash.</summary>
    public const string Admin = "Admin";

    /// <summary>Writes, schedules, publishes and trashes articles.</summary>
    public const string Editor = "Editor";

    public const string Any = Admin + "," + Editor;

    public static readonly string[] All = [Admin, Editor];
}
