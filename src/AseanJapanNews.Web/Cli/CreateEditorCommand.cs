using System.CommandLine;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>create-editor</c>: an account, its password read from standard input.</summary>
internal static class CreateEditorCommand
{
    public static Command Create()
    {
        var emailOption = new Option<string>("--email") { Description = "The account's email (its sign-in name)", Required = true };
        var roleOption = new Option<string>("--role") { Description = "Admin or Editor", DefaultValueFactory = _ => Roles.Editor };
        roleOption.AcceptOnlyFromAmong(Roles.All);
        var nameOption = new Option<string?>("--name") { Description = "Display name" };
        var command = new Command("create-editor", "Create an account; the password is read from standard input.") { emailOption, roleOption, nameOption };
        command.SetAction(async (parse, ct) =>
        {
            // One line from stdin, so it never appears in shell history or the process list.
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("lỗi: cần mật khẩu trên đầu vào chuẩn (stdin), ví dụ: echo 'mật-khẩu-dài' | dotnet run … create-editor --email …");
                return 2;
            }
            await using var app = NewsCli.BuildServices();
            await app.PrepareAccountsAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(parse.GetValue(emailOption)!, parse.GetValue(nameOption) ?? "", password, parse.GetValue(roleOption)!);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"lỗi: {error.Description}");
                }
                return 1;
            }
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync("cli", AuditAction.EditorCreate, parse.GetValue(emailOption)!, parse.GetValue(roleOption)!, ct);
            Console.WriteLine($"Created {parse.GetValue(roleOption)} account {parse.GetValue(emailOption)}");
            return 0;
        });
        return command;
    }
}
