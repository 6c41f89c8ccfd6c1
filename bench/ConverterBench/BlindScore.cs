using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Scores the converter on the blind sets the way BlindFixtureSetsTests checks them, in seconds instead of a
/// test run: prints every failing check as "set/file|Check" (the KnownFailures key), then a table per field and,
/// for sets with situations, per situation. For the docs' tables and quick iteration; the tests stay the judge.
/// </summary>
internal static partial class BlindScore
{
    public static int Run(string repo, string[] sets)
    {
        var converter = new RawTextConverter(CleaningRules.Load(Path.Combine(repo, "content")));
        var root = Path.Combine(repo, "tests", "AseanJapanNews.Tests", "Text", "Conversion");
        foreach (var set in sets)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, set, "manifest.json")));
            var rows = new List<(string[] Situations, Dictionary<string, (int Ok, int Of)> Fields)>();
            foreach (var f in doc.RootElement.GetProperty("fixtures").EnumerateArray())
            {
                var file = f.GetProperty("file").GetString()!;
                var raw = new UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(root, set, file)));
                var d = converter.Convert(raw);
                var fields = new Dictionary<string, (int, int)>();
                void Count(string field, string check, bool ok, string detail)
                {
                    var (o, n) = fields.GetValueOrDefault(field);
                    fields[field] = (o + (ok ? 1 : 0), n + 1);
                    if (!ok)
                    {
                        Console.WriteLine($"FAIL {set}/{file}|{check}\t{detail}");
                    }
                }
                Count("title", "Title", Norm(d.Title) == Norm(f.GetProperty("title").GetString()), $"got \"{d.Title}\"");
                var date = f.GetProperty("date").GetString();
                var hasTime = f.GetProperty("has_time").GetBoolean();
                var dateOk = date is null ? d.Date is null : d.Date is { } got && DateOk(got, DateTimeOffset.Parse(date, CultureInfo.InvariantCulture), hasTime) && d.DateHasTime == hasTime;
                Count("date", "Date", dateOk, $"got {d.Date:O} ({d.DateHasTime})");
                Count("source", "Source", OneOf(f.GetProperty("source"), d.Source), $"got \"{d.Source}\"");
                var url = f.GetProperty("source_url").GetString();
                Count("source_url", "SourceUrl", string.Equals(url, d.SourceUrl, StringComparison.Ordinal), $"got \"{d.SourceUrl}\"");
                Count("author", "Author", OneOf(f.GetProperty("author"), d.Author), $"got \"{d.Author}\"");
                var i = 0;
                foreach (var keep in f.GetProperty("keep").EnumerateArray())
                {
                    Count("sentences", $"Keep#{i++}", Norm(d.Body).Contains(Norm(keep.GetString()), StringComparison.Ordinal), keep.GetString()!);
                }
                var output = $"{d.Title}\n{d.Summary}\n{d.Body}".Normalize(NormalizationForm.FormC);
                i = 0;
                foreach (var noise in f.GetProperty("noise").EnumerateArray())
                {
                    Count("noise", $"Noise#{i++}", !string.IsNullOrWhiteSpace(d.Body) && output.IndexOf(noise.GetString()!, StringComparison.OrdinalIgnoreCase) < 0, noise.GetString()!);
                }
                var situations = f.TryGetProperty("situations", out var s) ? s.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
                rows.Add((situations, fields));
            }
            Table(set, rows);
        }
        return 0;
    }

    private static readonly string[] FieldNames = ["title", "date", "source", "source_url", "author", "sentences", "noise"];
    private static readonly string[] Issue3 = ["title", "date", "source", "author", "sentences"];

    private static void Table(string set, List<(string[] Situations, Dictionary<string, (int Ok, int Of)> Fields)> rows)
    {
        Console.WriteLine($"\n{set}: | group | texts | all | issue 3 | " + string.Join(" | ", FieldNames) + " |");
        var groups = rows.SelectMany(r => r.Situations.Length == 0 ? ["outlet"] : r.Situations).Distinct().Order().Append("all");
        foreach (var g in groups)
        {
            var members = rows.Where(r => g == "all" || (r.Situations.Length == 0 ? g == "outlet" : r.Situations.Contains(g))).ToList();
            (int, int) Sum(IEnumerable<string> fs) => (members.Sum(m => fs.Sum(f => m.Fields.GetValueOrDefault(f).Ok)), members.Sum(m => fs.Sum(f => m.Fields.GetValueOrDefault(f).Of)));
            string Cell((int Ok, int Of) c) => $"{c.Ok}/{c.Of}";
            string Pct((int Ok, int Of) c) => c.Of == 0 ? "" : (100.0 * c.Ok / c.Of).ToString("F1", CultureInfo.InvariantCulture);
            var all = Sum(FieldNames);
            var i3 = Sum(Issue3);
            Console.WriteLine($"| {g} | {members.Count} | {Cell(all)} | {Pct(all)} | {Cell(i3)} | {Pct(i3)} | " + string.Join(" | ", FieldNames.Select(f => Cell(Sum([f])))) + " |");
        }
    }

    private static bool DateOk(DateTimeOffset got, DateTimeOffset want, bool hasTime) =>
        (hasTime ? got.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) == want.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) : got.Date == want.Date)
        && got.Offset == want.Offset;

    private static bool OneOf(JsonElement accepted, string? actual) =>
        accepted.EnumerateArray().Select(a => a.GetString()).Any(a => a is null ? actual is null : actual is not null && string.Equals(a.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Norm(string? s) => s is null ? "" : Whitespace().Replace(s.Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u00AB', '"').Replace('\u00BB', '"')
        .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201A', '\''), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
