using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AseanJapanNews.Web.Editorial;

/// <summary>Identity asks this before every sign-in: a disabled account cannot sign in.</summary>
public sealed class EnabledEditorsOnly : IUserConfirmation<Editor>
{
    public Task<bool> IsConfirmedAsync(UserManager<Editor> manager, Editor user) => Task.FromResult(!user.IsDisabled);
}
