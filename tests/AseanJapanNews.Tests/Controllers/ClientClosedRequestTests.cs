using System.Collections.Concurrent;
using AseanJapanNews.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>A reader who leaves mid-request is not an error of the site: no error log, no error page.</summary>
public sealed class ClientClosedRequestTests(ClientClosedRequestTests.LoggedApp app) : IClassFixture<ClientClosedRequestTests.LoggedApp>
{
    public sealed class LoggedApp : NewsAppFactory
    {
        private readonly SerilogEvents log = new();

        public LoggedApp() =>
            Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information";

        public ConcurrentQueue<LogEvent> Events => log.Events;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(log));
        }
    }

    private static string RequestPath(LogEvent e) =>
        e.Properties.TryGetValue("RequestPath", out var path) ? ((ScalarValue)path).Value as string ?? "" : "";

    [Theory]
    [InlineData("/")]
    [InlineData("/tags/asean")]
    [InlineData("/search?q=nhat+ban")]
    public async Task RequestAbortedByTheReader_EndsAs499_WithoutAnErrorLog(string url)
    {
        var pathOnly = url.Split('?')[0];
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = pathOnly;
            c.Request.QueryString = new QueryString(url[pathOnly.Length..]);
            c.RequestAborted = new CancellationToken(canceled: true);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status499ClientClosedRequest, context.Response.StatusCode);
        var logged = Assert.Single(app.Events, e => RequestPath(e) == pathOnly);
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Equal("499", logged.Properties["StatusCode"].ToString());
        Assert.Null(logged.Exception);
    }
}
