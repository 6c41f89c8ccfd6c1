using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Admin;

public sealed class LoginRateLimitFactory : NewsAppFactory
{
    public LoginRateLimitFactory() => Settings["News:LoginAttemptsPerMinute"] = "3";
}

public sealed class LoginRateLimitTests(LoginRateLimitFactory app) : IClassFixture<LoginRateLimitFactory>
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_within_a_minute_from_one_address_is_refused_with_429()
    {
        var session = new AdminSession(app.Client());
        var statuses = new List<HttpStatusCode>();
        FormResult last = null!;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            last = await session.SubmitAsync("/admin/login", new Dictionary<string, string?>
            {
                ["Email"] = "ai-do@tin.example.vn",
                ["Password"] = "doan-mo-mat-khau-" + attempt,
            });
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Quá nhiều lần đăng nhập", last.Page.Html);
    }
}
