using System.Text;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// Writes articles back to the content format, one <c>articles/&lt;slug&gt;.md</c> each, so that importing the
/// folder into an empty database gives the same articles, tags, dates and states. Trashed articles are left out.
/// </summary>
public sealed class ArticleExporter(NewsDbContext db)
{
    public async Task<int> ExportAsync(string outputRoot, CancellationToken ct = default)
    {
        var folder = Path.Combine(outputRoot, "articles");
        Directory.CreateDirectory(folder);
        var count = 0;
        var articles = db.Articles.AsNoTracking()
            .Where(a => a.Status != ArticleStatus.Trashed)
            .OrderBy(a => a.Id)
            .Select(a => new { Article = a, Tags = a.Tags.Select(t => t.Name).ToList() })
            .AsAsyncEnumerable();
        await foreach (var row in articles.WithCancellation(ct))
        {
            var a = row.Article;
            var file = ArticleFileMapping.ToFile(a, row.Tags);
            await File.WriteAllTextAsync(Path.Combine(folder, a.Slug + ".md"), ArticleFileFormat.Write(file), new UTF8Encoding(false), ct);
            count++;
        }
        return count;
    }
}
