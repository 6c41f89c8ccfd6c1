using AseanJapanNews.Web;
using AseanJapanNews.Web.Cli;

// `dotnet run -- import|convert|…` runs a command against the same configuration and database.
if (NewsCli.IsCommand(args))
{
    return await NewsCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsServices();
builder.AddNewsWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseNewsPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
