using System.Net;
using AseanJapanNews.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AseanJapanNews.Tests.Browser;

/// <summary>
/// The launch site on a real loopback port (Kestrel), for a real browser; an <see cref="AdminAppFactory"/>, so the
/// admin area's browser tests can sign in to the same app.
/// </summary>
public sealed class KestrelNewsApp : AdminAppFactory
{
    public KestrelNewsApp()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }
}

/// <summary>One app and one Debian Chromium for every browser test of the run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public KestrelNewsApp App { get; private set; } = null!;

    /// <summary>Where browser tests leave screenshots for people to look at.</summary>
    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright playwright = null!;

    public async ValueTask InitializeAsync()
    {
        App = new KestrelNewsApp();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (own cookies) at a desktop size, or the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
