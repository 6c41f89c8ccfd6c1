using System.Globalization;
using System.Text.Json;
using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Tests.Text.Conversion;

/// <summary>
/// Twelve raw texts in the style of outlets the converter was not developed against (BlindFixtures/),
/// written with their expected fields before the converter's code was read. Each field is its own
/// test so the score per field can be read off the results (see docs/converter-benchmark.md).
/// </summary>
public class BlindFixtureTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<Dictionary<string, BlindCase>> Cases = new(LoadManifest);

    public static TheoryData<string> Files => new(Cases.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Title(string file)
    {
        var (expected, draft) = Run(file);
        Assert.Equal(expected.Title, draft.Title);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Date(string file)
    {
        var (expected, draft) = Run(file);
        if (expected.Date is null)
        {
            Assert.Null(draft.Date);
            return;
        }
        var want = DateTimeOffset.Parse(expected.Date, CultureInfo.InvariantCulture);
        Assert.NotNull(draft.Date);
        Assert.Equal(want, draft.Date.Value);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Source(string file)
    {
        var (expected, draft) = Run(file);
        AssertOneOf(expected.Source, draft.Source);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Author(string file)
    {
        var (expected, draft) = Run(file);
        AssertOneOf(expected.Author, draft.Author);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void BodyKeepsRealSentences(string file)
    {
        var (expected, draft) = Run(file);
        var text = ArticleText(draft);
        foreach (var sentence in expected.Sentences)
        {
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void BodyDropsNoise(string file)
    {
        var (expected, draft) = Run(file);
        var text = ArticleText(draft);
        foreach (var noise in expected.Noise)
        {
            Assert.DoesNotContain(noise, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Title, sapo and body as an editor reads them; a trailing "\n" in a noise string means "at a line end".</summary>
    private static string ArticleText(ArticleDraft d) => $"{d.Title}\n{d.Summary}\n{d.Body}\n";

    private static void AssertOneOf(string[]? accepted, string? actual)
    {
        if (accepted is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.True(actual is not null && accepted.Contains(actual, StringComparer.Ordinal),
            $"Expected one of [{string.Join(", ", accepted)}], got {(actual is null ? "null" : $"\"{actual}\"")}");
    }

    private static (BlindCase Expected, ArticleDraft Draft) Run(string file)
    {
        var expected = Cases.Value[file];
        var raw = File.ReadAllText(Path.Combine(Folder, file));
        return (expected, ConversionTestData.Converter.Convert(raw));
    }

    private static string Folder => Path.Combine(ConversionTestData.RepoRoot, "tests", "AseanJapanNews.Tests", "Text", "Conversion", "BlindFixtures");

    private static Dictionary<string, BlindCase> LoadManifest()
    {
        using var stream = File.OpenRead(Path.Combine(Folder, "manifest.json"));
        var manifest = JsonSerializer.Deserialize<BlindManifest>(stream, JsonOptions)
            ?? throw new InvalidOperationException("Empty blind-fixture manifest");
        return manifest.Fixtures.ToDictionary(c => c.File, StringComparer.Ordinal);
    }

    private sealed record BlindManifest(BlindCase[] Fixtures);

    private sealed record BlindCase(string File, string Title, string? Date, string[]? Source, string[]? Author, string[] Sentences, string[] Noise);
}
