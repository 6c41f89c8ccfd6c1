using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

public class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => a.OriginFile);
            // Every reader list filters on status and sorts by date.
            article.HasIndex(a => new { a.Status, a.PublishedAtUtc });
            article.Property(a => a.Slug).HasMaxLength(200);
            article.Property(a => a.Title).HasMaxLength(300);
            article.Property(a => a.Summary).HasMaxLength(2000);
            article.Property(a => a.Author).HasMaxLength(200);
            article.Property(a => a.SourceName).HasMaxLength(200);
            article.Property(a => a.SourceUrl).HasMaxLength(2000);
            article.Property(a => a.ContentHash).HasMaxLength(64);
            article.Property(a => a.OriginFile).HasMaxLength(500);
            article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTag");
        });

        modelBuilder.Entity<Tag>(tag =>
        {
            tag.HasIndex(t => t.Slug).IsUnique();
            tag.HasIndex(t => t.SortKey);
            tag.Property(t => t.Name).HasMaxLength(100);
            tag.Property(t => t.Slug).HasMaxLength(120);
            tag.Property(t => t.SortKey).HasMaxLength(400);
        });
    }
}
