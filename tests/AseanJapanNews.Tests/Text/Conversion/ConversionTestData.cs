using System.Text.RegularExpressions;
using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Tests.Text.Conversion;

/// <summary>Finds the repository, its cleaning rules, the shared seeds and the fixtures.</summary>
internal static partial class ConversionTestData
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<CleaningRules> RepoRules = new(() => CleaningRules.Load(Path.Combine(Root.Value, "content")));

    public static CleaningRules Rules => RepoRules.Value;

    public static string RepoRoot => Root.Value;

    public static RawTextConverter Converter => new(Rules);

    public static string SeedsFolder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "seeds"));
            Assert.True(Directory.Exists(folder), $"Seed texts not found at {folder} (expected ../shared/seeds next to the repository).");
            return folder;
        }
    }

    public static string Seed(string prefix)
    {
        var file = Directory.GetFiles(SeedsFolder, prefix + "_*.txt").SingleOrDefault();
        Assert.True(file is not null, $"Seed {prefix}_*.txt not found in {SeedsFolder}");
        return File.ReadAllText(file);
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Root.Value, "tests", "AseanJapanNews.Tests", "Text", "Conversion", "Fixtures", name));

    /// <summary>Every text an editor would see: title, summary, body, tags and bylines.</summary>
    public static string Visible(ArticleDraft d) =>
        string.Join("\n", new[] { d.Title, d.Summary, d.Body, d.Author, d.Source }.Concat(d.SuggestedTags).Where(s => s is not null));

    public static void AssertNoUnderscoreWords(string text) =>
        Assert.DoesNotMatch(UnderscoreWord(), text);

    public static void AssertNoSpam(string text)
    {
        foreach (var phrase in Rules.SpamPhrases)
        {
            Assert.DoesNotContain(phrase, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("【", text, StringComparison.Ordinal);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AseanJapanNews.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No AseanJapanNews.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\p{L}_\p{L}")]
    private static partial Regex UnderscoreWord();
}
