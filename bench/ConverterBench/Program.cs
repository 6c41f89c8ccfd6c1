using System.Diagnostics;
using System.Globalization;
using System.Text;
using AseanJapanNews.Web.Text.Conversion;

// Usage: ConverterBench REPO_ROOT SEEDS_DIR [MEGABYTES=20] [RUNS=3]
//    or: ConverterBench show REPO_ROOT FILE     (one draft and its removals)
//    or: ConverterBench score REPO_ROOT [SET…]   (failing blind checks and score tables; see BlindScore)
// Converts the seeds article by article, repeated until about MEGABYTES of UTF-8 have gone through,
// after one warm-up pass, and prints the throughput of each run.
if (args.Length > 2 && args[0] == "show")
{
    // One draft with its removals, to see why a check fails: ConverterBench show REPO_ROOT FILE
    var d = new RawTextConverter(CleaningRules.Load(Path.Combine(args[1], "content"))).Convert(new UTF8Encoding(false).GetString(File.ReadAllBytes(args[2])));
    Console.WriteLine($"TITLE: {d.Title}\nDATE: {d.Date:O} ({d.DateHasTime})\nSOURCE: {d.Source}\nURL: {d.SourceUrl}\nAUTHOR: {d.Author}\nSUMMARY: {d.Summary}\n---\n{d.Body}\n---");
    foreach (var r in d.Removals)
    {
        Console.WriteLine($"- {r.Line}: [{r.Rule}] {r.Text}");
    }
    return 0;
}
if (args.Length > 0 && args[0] == "score")
{
    return BlindScore.Run(args.Length > 1 ? args[1] : ".", args.Length > 2 ? args[2..] : ["BlindFixtures2", "BlindFixtures3", "BlindFixtures4", "BlindFixtures5"]);
}
var repo = args.Length > 0 ? args[0] : ".";
var seedsDir = args.Length > 1 ? args[1] : Path.Combine(repo, "..", "shared", "seeds");
var megabytes = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

var converter = new RawTextConverter(CleaningRules.Load(Path.Combine(repo, "content")));
var seeds = Directory.GetFiles(seedsDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
if (seeds.Length == 0)
{
    Console.Error.WriteLine($"No seeds in {seedsDir}");
    return 1;
}
var seedBytes = seeds.Sum(s => (long)Encoding.UTF8.GetByteCount(s));
var reps = (int)Math.Ceiling(megabytes * 1e6 / seedBytes);
var bytes = reps * seedBytes;

for (var r = 0; r < Math.Max(1, reps / 10); r++)
{
    foreach (var s in seeds)
    {
        converter.Convert(s);
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{seeds.Length} seeds ({seedBytes / 1e3:F1} KB) x {reps} = {reps * seeds.Length} articles, {bytes / 1e6:F1} MB, single thread, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
var best = 0.0;
for (var run = 1; run <= runs; run++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    for (var r = 0; r < reps; r++)
    {
        foreach (var s in seeds)
        {
            converter.Convert(s);
        }
    }
    sw.Stop();
    // CPU time of the process (this thread, GC and JIT) is steadier than wall time on a shared machine.
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var mbs = bytes / 1e6 / sw.Elapsed.TotalSeconds;
    best = Math.Max(best, mbs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {sw.Elapsed.TotalSeconds:F2} s = {mbs:F1} MB/s wall ({sw.Elapsed.TotalMilliseconds * 1000 / (reps * seeds.Length):F0} µs per article); {cpuSeconds:F2} s CPU = {bytes / 1e6 / cpuSeconds:F1} MB/s of CPU"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best wall: {best:F1} MB/s"));
return 0;
