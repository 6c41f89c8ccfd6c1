using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>Articles, tags, revisions, the audit log and the Identity accounts, in one database.</summary>
public class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<Editor>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<PurgedFile> PurgedFiles => Set<PurgedFile>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<EditorSession> EditorSessions => Set<EditorSession>();
    public DbSet<RefusedFile> RefusedFiles => Set<RefusedFile>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();

    /// <summary>The join table of articles and tags (a shared-type entity: rows are dictionaries).</summary>
    public const string ArticleTag = "ArticleTag";

    /// <summary>The join table's copies of <see cref="Article.Status"/> and <see cref="Article.PublishedAtUtc"/>.</summary>
    /// <remarks>
    /// Kept by the database (triggers): EF inserts them as null and a trigger fills them in; the importer's bulk
    /// insert writes its article's values itself.
    /// </remarks>
    public const string ArticleTagStatus = "Status", ArticleTagPublishedAtUtc = "PublishedAtUtc";

    /// <summary>
    /// Whether each of many articles, known by id, is visible: search checks up to a thousand matches per query.
    /// Status and date sit after the body in the row, so reading them from the table follows the body's overflow pages.
    /// </summary>
    public const string VisibilityByIdIndex = "IX_Articles_Id_Status_PublishedAtUtc";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => a.OriginFile);
            // Unique: of two posts of one form racing each other, the database lets one in (nulls never collide).
            article.HasIndex(a => a.CreationKey).IsUnique();
            // Every reader list filters on status and sorts by date.
            article.HasIndex(a => new { a.Status, a.PublishedAtUtc });
            article.HasIndex(a => new { a.Id, a.Status, a.PublishedAtUtc }).HasDatabaseName(VisibilityByIdIndex);
            article.Property(a => a.Slug).HasMaxLength(200);
            article.Property(a => a.Title).HasMaxLength(ArticleLimits.MaxTitleLength);
            article.Property(a => a.Summary).HasMaxLength(ArticleLimits.MaxSummaryLength);
            article.Property(a => a.Author).HasMaxLength(ArticleLimits.MaxAuthorLength);
            article.Property(a => a.SourceName).HasMaxLength(ArticleLimits.MaxSourceLength);
            article.Property(a => a.SourceUrl).HasMaxLength(ArticleLimits.MaxSourceUrlLength);
            article.Property(a => a.ContentHash).HasMaxLength(64);
            article.Property(a => a.OriginFile).HasMaxLength(500);
            article.Property(a => a.CreationKey).HasMaxLength(64);
            article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(ArticleTag, join =>
            {
                // Each row carries its article's status and date (copied by database triggers, see the
                // TagRowsCarryPublication migration), so a tag's newest visible articles are one range of this
                // index: tag pages, tag feeds, tag counts and "Đọc thêm" never visit the article table to choose.
                join.Property<ArticleStatus?>(ArticleTagStatus);
                join.Property<DateTime?>(ArticleTagPublishedAtUtc);
                join.HasIndex("TagsId", ArticleTagStatus, ArticleTagPublishedAtUtc, "ArticlesId");
            });
            article.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            article.Property(a => a.Version).IsConcurrencyToken();
            // The admin list sorts by last change.
            article.HasIndex(a => a.UpdatedAtUtc);
        });

        builder.Entity<ArticleRevision>(revision =>
        {
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.Property(r => r.SavedBy).HasMaxLength(256);
            revision.Property(r => r.Reason).HasMaxLength(200);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.AtUtc);
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Subject).HasMaxLength(500);
            entry.Property(e => e.Details).HasMaxLength(2000);
        });

        builder.Entity<SlugRedirect>(redirect =>
        {
            redirect.HasKey(r => r.OldSlug);
            redirect.Property(r => r.OldSlug).HasMaxLength(200);
            // A purged article takes its old addresses with it.
            redirect.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EditorSession>(session =>
        {
            session.HasKey(s => s.Key);
            session.Property(s => s.Key).HasMaxLength(64);
            // Expired sessions are deleted by a range of this index, not a scan of the table.
            session.HasIndex(s => s.ExpiresAtUtc);
        });

        builder.Entity<PurgedFile>(purged =>
        {
            purged.HasKey(p => p.Path);
            purged.Property(p => p.Path).HasMaxLength(500);
            purged.Property(p => p.ContentHash).HasMaxLength(64);
            purged.Property(p => p.Slug).HasMaxLength(200);
            purged.Property(p => p.PurgedBy).HasMaxLength(256);
        });

        builder.Entity<RefusedFile>(refused =>
        {
            refused.HasKey(r => r.Path);
            refused.Property(r => r.Path).HasMaxLength(500);
            refused.Property(r => r.ContentHash).HasMaxLength(64);
            refused.Property(r => r.ReaderVersion).HasMaxLength(200);
            refused.Property(r => r.Reason).HasMaxLength(2000);
        });

        builder.Entity<ChangeLogEntry>(change =>
        {
            change.ToTable("ChangeLog");
            // Pruned by age: a range of this index.
            change.HasIndex(c => c.AtUtc);
        });

        builder.Entity<Tag>(tag =>
        {
            tag.HasIndex(t => t.Slug).IsUnique();
            tag.HasIndex(t => t.SortKey);
            tag.Property(t => t.Name).HasMaxLength(ArticleLimits.MaxTagLength);
            tag.Property(t => t.Slug).HasMaxLength(120);
            tag.Property(t => t.SortKey).HasMaxLength(400);
        });
    }
}
