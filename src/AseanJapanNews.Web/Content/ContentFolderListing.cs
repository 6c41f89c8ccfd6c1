using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Web.Content;

/// <summary>Which files of the content folder are articles, found without following links that would loop or copy.</summary>
internal static class ContentFolderListing
{
    /// <summary>
    /// The article files under <paramref name="articlesDir"/> (<see cref="ContentFileNames"/> says which names count).
    /// A folder that cannot be listed (no permission, removed while listing) is reported as a problem and its files
    /// are left out; the rest of the folder still loads.
    /// </summary>
    public static List<string> List(string articlesDir, string contentRoot, List<ImportProblem> problems, ILogger logger)
    {
        var found = new List<string>();
        // Where the articles really are: the folder itself may be a link to them.
        var articlesRoot = new DirectoryInfo(articlesDir).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? articlesDir;
        var folders = new Stack<string>([articlesDir]);
        while (folders.TryPop(out var folder))
        {
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if (ContentFileNames.IsPassedOver(entry.Name))
                    {
                        logger.LogDebug("Import passes over {Path}: hidden, or an editor's temporary file", Relative(contentRoot, entry.FullName));
                    }
                    else if (entry is not DirectoryInfo subfolder)
                    {
                        if (!ContentFileNames.IsArticle(entry.Name))
                        {
                            continue;
                        }
                        if (LinkedArticleInside(entry, articlesRoot) is { } original)
                        {
                            // A second path to a file already in the folder would be a second, published copy of it.
                            logger.LogWarning("Import passes over the file link {Path}: it leads to {Original}, which is imported under its own path",
                                Relative(contentRoot, entry.FullName), Relative(contentRoot, Path.Combine(articlesDir, original)));
                            continue;
                        }
                        found.Add(entry.FullName);
                    }
                    // Links to folders are not followed (the articles folder itself may be one). A link back up the
                    // tree is a loop, and one to elsewhere in it gives the same files a second path, so a second
                    // article each; remembering the folders seen would stop both, but which path an article got would
                    // then depend on the order of the listing. Files the site should have belong in the folder.
                    else if (subfolder.LinkTarget is { } target)
                    {
                        logger.LogWarning("Import does not follow the folder link {Path} -> {Target}; move its files into the content folder to import them",
                            Relative(contentRoot, subfolder.FullName), target);
                    }
                    else
                    {
                        folders.Push(subfolder.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is UnauthorizedAccessException ? "không có quyền đọc" : e.Message;
                var problem = new ImportProblem(Relative(contentRoot, folder), null, $"không đọc được thư mục: {reason}; các tệp trong đó chưa được nhập");
                problems.Add(problem);
                logger.LogError("Import skipped {Problem}", problem.ToString());
            }
        }
        return found;
    }

    /// <summary>
    /// For a link to a file inside the articles folder, that file's path relative to the folder; null for anything
    /// else (a plain file, a link to content kept elsewhere, a dangling link, which is reported when read).
    /// </summary>
    private static string? LinkedArticleInside(FileSystemInfo file, string articlesRoot)
    {
        if (file.LinkTarget is null || file.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } target)
        {
            return null;
        }
        var inside = Path.GetRelativePath(articlesRoot, target.FullName);
        var outside = inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(inside);
        return outside ? null : inside;
    }

    public static string Relative(string contentRoot, string path) => Path.GetRelativePath(contentRoot, path).Replace('\\', '/');
}
