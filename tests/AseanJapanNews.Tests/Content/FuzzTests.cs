using AseanJapanNews.Web.Data;
using System.Diagnostics;
using System.Text;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Tests.Content;

/// <summary>
/// Mutation fuzzing of every reader of outside input: the front matter reader, the Markdown pipeline, the raw-text
/// converter and the importer. Each answers every variant with a result or a refusal, never an exception, and never
/// falls into the net kept for failures nobody foresaw (<see cref="ArticleFileFormat.UnexpectedFailure"/>).
/// The seed is fixed, so CI runs the same cases each time; <c>FUZZ_CASES=20000 FUZZ_SEED=7</c> runs a longer or
/// another set (README, "Fuzzing"). A failure names its seed, case and mutations, which reproduce it.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) && n > 0 ? n : 1500;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var n) ? n : 20261207;

    /// <summary>A hang guard for one case, far above any real cost; linearity is checked in <see cref="LinearCostTests"/>.</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    private static readonly Lazy<byte[][]> ArticleSeeds = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private static readonly Lazy<byte[][]> RawTextSeeds = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests/AseanJapanNews.Tests/Text/Conversion"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private static readonly RawTextDrafts Converter = new(RepoPaths.Content);

    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Runs <paramref name="target"/> on mutants of the seeds; returns how many cases it ran.</summary>
    private int Fuzz(string name, byte[][] seeds, int seedOffset, Action<byte[]> target)
    {
        var mutator = new Mutator(Seed + seedOffset);
        var failures = new List<string>();
        // Once unmeasured: loading the converter's rules is paid by the first text only.
        target(seeds[0]);
        var clock = Stopwatch.StartNew();
        var largest = 0L;
        for (var i = 0; i < Cases; i++)
        {
            var input = mutator.Mutate(seeds[i % seeds.Length]);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var started = clock.Elapsed;
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                failures.Add($"case {i} (seed {Seed + seedOffset}, file {i % seeds.Length}: {mutator.Describe}): {e.GetType().Name}: {e.Message}");
            }
            var took = clock.Elapsed - started;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            largest = Math.Max(largest, bytes);
            // Memory in proportion to the input: an alias or a nesting that multiplies text would show here. Markdig's
            // syntax tree takes up to a few hundred bytes per character of dense markup, parsed twice here.
            if (bytes > (500L * input.Length) + (64L << 20))
            {
                failures.Add($"case {i} ({mutator.Describe}): allocated {bytes:N0} bytes for {input.Length:N0} bytes of input");
            }
            if (took > CaseLimit)
            {
                failures.Add($"case {i} ({mutator.Describe}): took {took}");
            }
        }
        output.WriteLine($"{name}: {Cases} cases in {clock.Elapsed.TotalSeconds:F1} s, largest allocation {largest:N0} bytes");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed:\n" + string.Join('\n', failures.Take(20)));
        return Cases;
    }

    private static void NeverUnforeseen(ArticleFileException e) =>
        Assert.False(e.Message.StartsWith(ArticleFileFormat.UnexpectedFailure, StringComparison.Ordinal), e.Message);

    [Fact]
    public void FrontMatterReader_AnswersEveryVariant_WithAnArticleOrARefusal() =>
        Fuzz("front matter", ArticleSeeds.Value, 0, bytes =>
        {
            try
            {
                var file = ArticleFileFormat.Parse(Lenient.GetString(bytes));
                Assert.False(string.IsNullOrWhiteSpace(file.Title));
                Assert.True(file.Body.Length <= ArticleLimits.MaxBodyLength);
            }
            catch (ArticleFileException e)
            {
                NeverUnforeseen(e);
            }
        });

    [Fact]
    public void MarkdownPipeline_RendersOrRefusesEveryVariant() =>
        Fuzz("markdown", ArticleSeeds.Value, 1, bytes =>
        {
            var body = Lenient.GetString(bytes);
            var problem = MarkdownLimits.Check(body);
            var html = ArticleMarkdown.ToHtml(body);
            var text = ArticleMarkdown.ToPlainText(body);
            Assert.NotNull(html);
            Assert.NotNull(text);
            if (problem is not null)
            {
                Assert.InRange(problem.Line, 1, body.Count(c => c == '\n') + 1);
            }
            // Raw HTML stays off whatever the body holds.
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        });

    [Fact]
    public void Converter_TurnsEveryVariant_IntoADraftOrARefusal() =>
        Fuzz("converter", RawTextSeeds.Value, 2, bytes =>
        {
            try
            {
                var draft = Converter.Convert(Lenient.GetString(bytes));
                Assert.NotNull(draft.Body);
            }
            catch (ArticleFileException e)
            {
                NeverUnforeseen(e);
            }
        });

    [Fact]
    public async Task Importer_RefusesEachBrokenFileAlone_AndImportsTheRest()
    {
        await using var store = await TestDatabase.CreateAsync();
        var mutator = new Mutator(Seed + 3);
        var seeds = ArticleSeeds.Value.Concat(RawTextSeeds.Value.Take(5)).ToArray();
        // A few hundred variants per run: the importer's own work (batches, hashes, the database) is what is tested
        // here; the readers get their thousands of cases above.
        var count = Math.Clamp(Cases / 5, 50, 5_000);
        for (var i = 0; i < count; i++)
        {
            var seed = i % seeds.Length;
            var extension = seed < ArticleSeeds.Value.Length ? "md" : "txt";
            File.WriteAllBytes(Path.Combine(store.Content.ArticlesDir, $"fuzz-{i:D5}.{extension}"), mutator.Mutate(seeds[seed]));
        }
        foreach (var (name, i) in Directory.GetFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md").Select((f, i) => (f, i)))
        {
            File.Copy(name, Path.Combine(store.Content.ArticlesDir, $"good-{i}.md"));
        }
        Directory.CreateDirectory(Path.Combine(store.Content.Root, "cleaning"));
        foreach (var rule in Directory.GetFiles(Path.Combine(RepoPaths.Content, "cleaning")))
        {
            File.Copy(rule, Path.Combine(store.Content.Root, "cleaning", Path.GetFileName(rule)));
        }

        var report = await store.ImportAsync();
        var again = await store.ImportAsync();

        output.WriteLine($"importer: {count} variants: {report.Added} added, {report.Failed} refused");
        Assert.All(report.Problems, p => Assert.DoesNotContain(ArticleFileFormat.UnexpectedFailure, p.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.Path.StartsWith("articles/good-", StringComparison.Ordinal));
        Assert.Equal(count + 5, report.Added + report.Failed + report.Unchanged + report.Updated);
        // Idempotent, broken files included: nothing new, the same refusals, none read again.
        Assert.Equal((0, 0, report.Failed), (again.Added, again.Updated, again.Failed));
    }
}
