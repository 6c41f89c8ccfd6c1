using System.Text;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>Builds a content folder of article files for a test.</summary>
public sealed class ContentFolder(string root)
{
    public string Root { get; } = root;
    public string ArticlesDir => Path.Combine(Root, "articles");

    public static ContentFolder CopyOfLaunchContent(string root)
    {
        var folder = new ContentFolder(root);
        Directory.CreateDirectory(folder.ArticlesDir);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Content, "articles"), "*.md"))
        {
            File.Copy(file, Path.Combine(folder.ArticlesDir, Path.GetFileName(file)));
        }
        // The raw-text converter's rules live in the content folder too.
        var cleaning = Path.Combine(root, "cleaning");
        Directory.CreateDirectory(cleaning);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Content, "cleaning")))
        {
            File.Copy(file, Path.Combine(cleaning, Path.GetFileName(file)));
        }
        return folder;
    }

    /// <summary>Writes <c>articles/NAME</c> (NAME may name subfolders) with the given front matter lines and body.</summary>
    public string Write(string name, string frontMatter, string body = "Nội dung bài viết.")
    {
        var path = Path.Combine(ArticlesDir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\n{frontMatter.Trim('\n')}\n---\n\n{body}\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>A minimal valid article.</summary>
    public string WriteArticle(string name, string title, string date, string tags = "[]", string extra = "", string body = "Nội dung bài viết.") =>
        Write(name, $"title: \"{title}\"\ndate: {date}\nsummary: \"Sapo của {title}\"\ntags: {tags}\n{extra}", body);
}
