using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>The one-time setup link printed at start-up is one the operator can open.</summary>
public sealed class SetupLinkTests
{
    /// <summary>A fresh site on a real port Kestrel picks.</summary>
    private sealed class ListeningApp : NewsAppFactory
    {
        private readonly SerilogEvents log = new();

        public ListeningApp(string baseUrl)
        {
            Settings["News:BaseUrl"] = baseUrl;
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
        }

        public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        public string Token => Services.GetRequiredService<FirstRunSetup>().Token!;

        public string PrintedLink =>
            (string)((ScalarValue)Assert.Single(log.Events, e => e.Properties.ContainsKey("SetupUrl")).Properties["SetupUrl"]).Value!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(log));
        }
    }

    [Fact]
    public async Task WithTheDefaultBaseUrlTheLinkIsOnTheAddressTheServerListensOn()
    {
        await using var app = new ListeningApp("http://localhost:5080");

        Assert.Equal($"{app.Address.TrimEnd('/')}/admin/setup?token={app.Token}", app.PrintedLink);
        using var client = new HttpClient();
        using var response = await client.GetAsync(app.PrintedLink, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithAPublicBaseUrlTheLinkIsOnThatAddress()
    {
        await using var app = new ListeningApp("https://tin.example.vn");

        Assert.Equal($"https://tin.example.vn/admin/setup?token={app.Token}", app.PrintedLink);
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://[::]:5123", "http://localhost:5123/admin/setup?token=t")]
    [InlineData("http://localhost:5080", "http://0.0.0.0:8080", "http://localhost:8080/admin/setup?token=t")]
    [InlineData("http://localhost:5080", "https://127.0.0.1:5443", "https://127.0.0.1:5443/admin/setup?token=t")]
    [InlineData("http://localhost:5080/", "", "http://localhost:5080/admin/setup?token=t")]
    [InlineData("https://tin.example.vn/", "http://[::]:8080", "https://tin.example.vn/admin/setup?token=t")]
    public void TheLinkNamesAHostABrowserCanOpen(string baseUrl, string listening, string link) =>
        Assert.Equal(link, FirstRunSetup.Link(baseUrl, listening.Length == 0 ? [] : [listening], "t"));
}
