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
    public void DomainWords_AreInAboutTheShareOfArticles_RealCoverageHasThem()
    {
        // Search must meet the hard case: words that are in most articles, as in real ASEAN–Japan coverage.
        (string Word, double Share)[] targets =
        [
            ("Nhật Bản", 0.90), ("Việt Nam", 0.85), ("hợp tác", 0.60), ("ASEAN", 0.50), ("Hà Nội", 0.50),
            ("kinh tế", 0.40), ("đầu tư", 0.35), ("Thủ tướng", 0.30),
        ];
        var texts = new SyntheticCorpus(new CorpusSpec(2_000, 200, 42)).Articles()
            .Select(f => ArticleFileFormat.Parse(f.Text))
            .Select(f => $"{f.Title}\n{f.Summary}\n{f.Body}")
            .ToList();

        foreach (var (word, share) in targets)
        {
            var measured = texts.Count(t => t.Contains(word, StringComparison.OrdinalIgnoreCase)) / (double)texts.Count;
            Assert.True(Math.Abs(measured - share) < 0.04, $"{word}: in {measured:P1} of the articles, expected about {share:P0}");
        }
        // And a long tail: some words in only about one article in a hundred.
        var rare = texts.Count(t => t.Contains("Shinkansen", StringComparison.Ordinal)) / (double)texts.Count;
        Assert.InRange(rare, 0.003, 0.02);
    }

    [Fact]
    public void ATopicNamedLikeADomainWord_GoesOnlyOnArticlesThatMentionIt()
    {
        var files = new SyntheticCorpus(new CorpusSpec(1_000, 100, 42)).Articles().Select(f => ArticleFileFormat.Parse(f.Text)).ToList();

        var tagged = files.Where(f => f.Tags.Contains("Nhật Bản")).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, f => Assert.Contains("Nhật Bản", $"{f.Title}\n{f.Summary}\n{f.Body}", StringComparison.Ordinal));
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
