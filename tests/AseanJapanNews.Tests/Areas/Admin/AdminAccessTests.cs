using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// Every admin endpoint, read from the app's own routing table, so that a new one cannot be left open: an anonymous
/// visitor is sent to sign-in, and an Editor is refused what only an Admin may do.
/// </summary>
public sealed class AdminAccessTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    /// <summary>The only admin addresses a visitor reaches without signing in: signing in and out, and first-run setup.</summary>
    private static readonly HashSet<string> OpenToAnyone =
        ["GET admin", "GET admin/login", "POST admin/login", "POST admin/logout", "GET admin/denied", "GET admin/setup", "POST admin/setup"];

    private sealed record AdminEndpoint(string Method, string Pattern, bool Anonymous, bool AdminOnly)
    {
        public string Key => $"{Method} {Pattern}";

        /// <summary>The address with a sample value in each route parameter.</summary>
        public string Url => "/" + string.Join('/', Pattern.Split('/').Select(part => part.StartsWith('{') ? "1" : part));

        public override string ToString() => Key;
    }

    private List<AdminEndpoint> Endpoints()
    {
        using var client = app.Client();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)));
        return [.. routes.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new AdminEndpoint(
            method,
            e.RoutePattern.RawText!,
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Roles == Roles.Admin))))
            .Where(e => e.Method is not "HEAD")
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    [Fact]
    public void TheRoutingTable_HasTheAdminArea_AndOnlyTheKnownOpenEndpoints()
    {
        var endpoints = Endpoints();

        Assert.True(endpoints.Count > 20, string.Join('\n', endpoints));
        Assert.Equal(OpenToAnyone.Order(StringComparer.Ordinal), endpoints.Where(e => e.Anonymous).Select(e => e.Key));
        Assert.Contains(endpoints, e => e.AdminOnly);
    }

    [Fact]
    public async Task EveryOtherAdminEndpoint_SendsAnAnonymousVisitorToSignIn()
    {
        using var client = app.Client();
        var open = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !OpenToAnyone.Contains(e.Key)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
            {
                Content = endpoint.Method == "GET" ? null : new FormUrlEncodedContent([new("version", "1"), new("body", "x")]),
            };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/admin/login")
            {
                open.Add($"{endpoint.Key} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public async Task EveryAdminOnlyEndpoint_RefusesAnEditor()
    {
        var editor = await app.SignInAsEditorAsync();
        var page = await editor.GetAsync("/admin/articles");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var admitted = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.AdminOnly))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
            {
                Content = endpoint.Method == "GET" ? null : new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("version", "1")]),
            };
            using var response = await editor.Client.SendAsync(request, TestContext.Current.CancellationToken);
            if (!(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/admin/denied"))
            {
                admitted.Add($"{endpoint.Key} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(admitted);
    }
}
