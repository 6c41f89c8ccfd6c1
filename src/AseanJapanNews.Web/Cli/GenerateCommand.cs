using System.CommandLine;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>generate</c>: a synthetic corpus for load tests and benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var articlesOption = new Option<int>("--articles") { Description = "How many articles", DefaultValueFactory = _ => 100_000 };
        var tagsOption = new Option<int>("--tags") { Description = "How many distinct tags", DefaultValueFactory = _ => 5_000 };
        var seedOption = new Option<int>("--seed") { Description = "Same seed, same files", DefaultValueFactory = _ => 42 };
        var outOption = new Option<string>("--out") { Description = "Folder to write articles/*.md into", Required = true };
        var command = new Command("generate", "Write a synthetic corpus of Vietnamese-like articles (for load tests and benchmarks).")
            { articlesOption, tagsOption, seedOption, outOption };
        command.SetAction(async (parse, ct) =>
        {
            var spec = new CorpusSpec(parse.GetValue(articlesOption), parse.GetValue(tagsOption), parse.GetValue(seedOption));
            if (spec.Articles < 1 || spec.Tags < 1)
            {
                await Console.Error.WriteLineAsync("lỗi: --articles và --tags phải lớn hơn 0");
                return 2;
            }
            var folder = NewsCli.UserPath(parse.GetValue(outOption)!);
            var count = 0;
            if (await NewsCli.CannotWriteAsync(folder, () =>
            {
                count = new SyntheticCorpus(spec).WriteTo(folder);
                return Task.CompletedTask;
            }))
            {
                return 1;
            }
            Console.WriteLine($"{count} articles written to {Path.Combine(folder, "articles")}");
            return 0;
        });
        return command;
    }
}
