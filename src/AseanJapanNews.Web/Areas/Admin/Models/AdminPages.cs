using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;

namespace AseanJapanNews.Web.Areas.Admin.Models;

public sealed record TagOption(string Name, string Slug);

public sealed record ArticleIndexPage(AdminArticleQuery Query, AdminArticlePage Articles, IReadOnlyList<TagOption> Tags);

public sealed record RevisionsPage(int ArticleId, string Title, int Version, IReadOnlyList<ArticleRevision> Revisions);

public sealed record DiffPage(int ArticleId, ArticleRevision Older, ArticleRevision Newer, IReadOnlyList<FieldDiff> Fields);
