using System.CommandLine;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>convert</c>: raw pasted news texts into clean drafts in the content format.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var filesArgument = new Argument<string[]>("FILE") { Description = "Raw texts copied from news sites", Arity = ArgumentArity.OneOrMore };
        var outOption = new Option<string?>("--out") { Description = "Write one .md per input into this folder instead of printing" };
        var command = new Command("convert", "Turn raw pasted news texts into clean article drafts (Markdown + front matter).") { filesArgument, outOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = NewsCli.BuildServices();
            var drafts = app.Services.GetRequiredService<RawTextDrafts>();
            var outDir = parse.GetValue(outOption) is { } o ? NewsCli.UserPath(o) : null;
            var failures = 0;
            foreach (var path in parse.GetValue(filesArgument)!)
            {
                var result = await RawTextFile.ConvertAsync(drafts, NewsCli.UserPath(path), ct);
                if (result.Error is { } error)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"lỗi: {path}: {error}");
                    continue;
                }
                if (outDir is null)
                {
                    Console.Write(result.Markdown);
                    continue;
                }
                var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(path) + ".md");
                if (await NewsCli.CannotWriteAsync(outDir, async () =>
                {
                    Directory.CreateDirectory(outDir);
                    await File.WriteAllTextAsync(target, result.Markdown, new System.Text.UTF8Encoding(false), ct);
                }))
                {
                    return 1;
                }
                await Console.Error.WriteLineAsync($"{path} → {target} ({result.Removed} đoạn bị loại bỏ)");
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }
}
