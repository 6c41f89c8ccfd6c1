using System.Globalization;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Content;

public sealed class SyntheticCorpusTests : IAsyncLifetime
{
    private readonly NewsAppFactory app = new();
    private readonly TempFolder temp = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        temp.Dispose();
    }

    private static List<(string FileName, string Text)> Generate(int seed) =>
        new SyntheticCorpus(new CorpusSpec(300, 60, seed)).Articles().ToList();

    [Fact]
    public void SameSeed_GivesByteIdenticalFiles()
    {
        var first = temp.File("a");
        var second = temp.File("b");
        new SyntheticCorpus(new CorpusSpec(300, 60, 42)).WriteTo(first);
        new SyntheticCorpus(new CorpusSpec(300, 60, 42)).WriteTo(second);

        var names = Directory.GetFiles(Path.Combine(first, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(300, names.Count);
        Assert.Equal(names, Directory.GetFiles(Path.Combine(second, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "articles", name!)), File.ReadAllBytes(Path.Combine(second, "articles", name!)));
        }
    }

    [Fact]
    public void DifferentSeed_GivesDifferentFiles()
    {
        var a = Generate(42);
        var b = Generate(43);
        Assert.NotEqual(a.Select(f => f.Text), b.Select(f => f.Text));
        Assert.NotEqual(a.Select(f => f.FileName), b.Select(f => f.FileName));
    }

    [Fact]
    public void Articles_HaveVietnameseDiacritics_OneToSixTags_AndDatesOverTwentyYears()
    {
        var files = Generate(7).Select(f => ArticleFileFormat.Parse(f.Text)).ToList();

        Assert.All(files, f => Assert.InRange(f.Tags.Count, 1, 6));
        Assert.All(files, f => Assert.InRange(f.Date!.Value, CorpusSpec.Start, CorpusSpec.End));
        Assert.True(files.Count(f => f.Title.Any(c => "ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal))) > 250);
        Assert.True(files.Select(f => f.Date!.Value.Year).Distinct().Count() >= 15);
        // A skew: the most used tag is on far more articles than the median one.
        var uses = files.SelectMany(f => f.Tags).GroupBy(t => t).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(uses[0] > 5 * uses[uses.Count / 2], string.Join(",", uses.Take(10).Select(u => u.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task GeneratedFiles_ImportCleanly_AndASecondImportChangesNothing()
    {
        var folder = temp.File("corpus");
        new SyntheticCorpus(new CorpusSpec(300, 60, 42)).WriteTo(folder);
        _ = app.Services; // starts the app: migrations and the launch content

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ContentImporter>();
        var first = await importer.ImportAsync(folder, TestContext.Current.CancellationToken);
        var second = await importer.ImportAsync(folder, TestContext.Current.CancellationToken);

        Assert.Empty(first.Problems);
        Assert.Equal(300, first.Added);
        Assert.Equal((0, 0, 300), (second.Added, second.Updated, second.Unchanged));
        var count = await app.WithDbAsync(db => db.Articles.CountAsync(a => a.OriginFile!.StartsWith("articles/") && a.Slug.EndsWith("-300")));
        Assert.Equal(1, count);
    }
}
