using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Areas.Admin.Models;

/// <summary>The article editor form. Dates are typed in Vietnam time; limits are enforced here, on the server.</summary>
public sealed class ArticleForm : IValidatableObject
{
    // Line breaks are unified as the browser's text is bound, so the length limits count them as the importer does.
    private string? summary;
    private string? body;

    public int? Id { get; set; }
    public int Version { get; set; }

    /// <summary>A new article's form carries a one-time key, so posting it twice makes one article (<see cref="Data.Article.CreationKey"/>).</summary>
    [StringLength(64)]
    public string? CreationKey { get; set; }

    /// <summary>A form for a new article, with its own <see cref="CreationKey"/>.</summary>
    public static ArticleForm New() => new() { CreationKey = NewCreationKey() };

    private static string NewCreationKey() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    [Required(ErrorMessage = "Cần nhập tiêu đề.")]
    [StringLength(ArticleLimits.MaxTitleLength, ErrorMessage = "Tiêu đề tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(Text.Slug.MaxLength, ErrorMessage = "Đường dẫn tối đa {1} ký tự.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ: nhat-ban-ho-tro-asean).")]
    [Display(Name = "Đường dẫn (slug)")]
    public string? Slug { get; set; }

    [StringLength(ArticleLimits.MaxSummaryLength, ErrorMessage = "Sapo tối đa {1} ký tự.")]
    [Display(Name = "Sapo")]
    public string? Summary { get => summary; set => summary = TextHygiene.UnifyLineBreaks(value); }

    [StringLength(ArticleLimits.MaxBodyLength, ErrorMessage = "Nội dung tối đa {1} ký tự.")]
    [Display(Name = "Nội dung (Markdown)")]
    public string? Body { get => body; set => body = TextHygiene.UnifyLineBreaks(value); }

    [StringLength(ArticleLimits.MaxTagListLength, ErrorMessage = "Danh sách chủ đề tối đa {1} ký tự.")]
    [Display(Name = "Chủ đề (cách nhau bằng dấu phẩy)")]
    public string? Tags { get; set; }

    [Display(Name = "Ngày đăng")]
    public string? PublishDate { get; set; }

    [Display(Name = "Giờ đăng")]
    public string? PublishTime { get; set; }

    [StringLength(ArticleLimits.MaxAuthorLength, ErrorMessage = "Tác giả tối đa {1} ký tự.")]
    [Display(Name = "Tác giả")]
    public string? Author { get; set; }

    [StringLength(ArticleLimits.MaxSourceLength, ErrorMessage = "Tên nguồn tối đa {1} ký tự.")]
    [Display(Name = "Nguồn")]
    public string? Source { get; set; }

    [StringLength(ArticleLimits.MaxSourceUrlLength, ErrorMessage = "Địa chỉ nguồn tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ nguồn (URL)")]
    public string? SourceUrl { get; set; }

    // Shown, never bound back into the article.
    public EditorialState State { get; set; } = EditorialState.Draft;
    public string? OriginFile { get; set; }

    public static ArticleForm From(Article article, DateTime nowUtc)
    {
        var local = article.PublishedAtUtc is { } at ? VietnamTime.ToVietnam(at) : (DateTimeOffset?)null;
        return new ArticleForm
        {
            Id = article.Id,
            Version = article.Version,
            Title = article.Title,
            Slug = article.Slug,
            Summary = article.Summary,
            Body = article.Body,
            Tags = string.Join(TagSet.ListSeparator, article.Tags.Select(t => t.Name)),
            PublishDate = local?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishTime = article.PublishedTimeKnown ? local?.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
            Author = article.Author,
            Source = article.SourceName,
            SourceUrl = article.SourceUrl,
            State = EditorialStates.Of(article.Status, article.PublishedAtUtc, nowUtc),
            OriginFile = article.OriginFile,
        };
    }

    /// <summary>
    /// A new-article form filled from the raw-text converter's draft (the editor reviews it before saving), through the
    /// same draft → file mapping the importer uses for raw texts (<see cref="DraftFiles.ToArticleFile"/>).
    /// </summary>
    public static ArticleForm FromDraft(ArticleDraft draft)
    {
        var file = DraftFiles.ToArticleFile(draft);
        var local = file.Date?.ToOffset(VietnamTime.Offset);
        return new ArticleForm
        {
            CreationKey = NewCreationKey(),
            Title = file.Title.Length > ArticleLimits.MaxTitleLength ? file.Title[..ArticleLimits.MaxTitleLength] : file.Title,
            Summary = file.Summary,
            Body = file.Body,
            Tags = string.Join(TagSet.ListSeparator, file.Tags),
            PublishDate = local?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishTime = file.DateHasTime ? local?.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
            Author = file.Author,
            Source = file.Source,
            SourceUrl = file.SourceUrl,
        };
    }

    public ArticleChanges ToChanges()
    {
        var (at, timeKnown) = PublicationInstant();
        return new ArticleChanges(
            Title, Slug, Summary ?? "", Body ?? "", TagSet.Split(Tags), at, timeKnown, Author, Source, SourceUrl)
        {
            CreationKey = Id is null ? CreationKey : null,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublishDate))
        {
            // No date: publishing takes the moment of the save.
        }
        else if (!DateOnly.TryParseExact(PublishDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            yield return new ValidationResult("Ngày đăng không hợp lệ (dạng năm-tháng-ngày, ví dụ 2023-12-17).", [nameof(PublishDate)]);
        }
        else if (!VietnamTime.IsInRange(day))
        {
            // Beyond the range a date is a typo (0202 for 2022) that the archive and the sitemap cannot show.
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture,
                $"Ngày đăng phải trong khoảng {VietnamTime.EarliestDay:dd'/'MM'/'yyyy}–{VietnamTime.LatestDay:dd'/'MM'/'yyyy} (bạn nhập {PublishDate}); có thể năm bị gõ thiếu chữ số."),
                [nameof(PublishDate)]);
        }
        if (!string.IsNullOrWhiteSpace(PublishTime) &&
            !TimeOnly.TryParseExact(PublishTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return new ValidationResult("Giờ đăng không hợp lệ (dạng giờ:phút, ví dụ 08:30).", [nameof(PublishTime)]);
        }
        if (string.IsNullOrWhiteSpace(PublishDate) && !string.IsNullOrWhiteSpace(PublishTime))
        {
            yield return new ValidationResult("Có giờ đăng thì cần cả ngày đăng.", [nameof(PublishDate)]);
        }
        if (!string.IsNullOrWhiteSpace(SourceUrl) && !ArticleLimits.IsWebAddress(SourceUrl))
        {
            yield return new ValidationResult("Địa chỉ nguồn phải là địa chỉ http:// hoặc https:// đầy đủ.", [nameof(SourceUrl)]);
        }
        if (MarkdownLimits.Check(Body) is { } markdown)
        {
            yield return new ValidationResult(BodyProblem(markdown), [nameof(Body)]);
        }
        var tags = TagSet.Split(Tags);
        if (tags.Count > ArticleLimits.MaxTags)
        {
            yield return new ValidationResult($"Tối đa {ArticleLimits.MaxTags} chủ đề.", [nameof(Tags)]);
        }
        foreach (var tag in tags.Where(t => !TagSet.IsUsable(t)))
        {
            yield return new ValidationResult($"Chủ đề “{tag}” không hợp lệ (tối đa {ArticleLimits.MaxTagLength} ký tự, cần có chữ hoặc số).", [nameof(Tags)]);
        }
    }

    /// <summary>Why the body cannot be saved, as the editor reads it beside the field and in the preview.</summary>
    public static string BodyProblem(MarkdownProblem problem) =>
        string.Create(CultureInfo.InvariantCulture, $"Nội dung chưa lưu được: {problem.Reason} (dòng {problem.Line} của nội dung).");

    /// <summary>The typed date and time as a UTC instant (Vietnam time in, UTC out); a day alone is 00:00.</summary>
    private (DateTime? At, bool TimeKnown) PublicationInstant()
    {
        // Validation refuses such a day first; never an underflow here (0001-01-01 00:00 in Vietnam is before UTC's first day).
        if (!DateOnly.TryParseExact(PublishDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !VietnamTime.IsInRange(day))
        {
            return (null, false);
        }
        var hasTime = TimeOnly.TryParseExact(PublishTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time);
        var utc = VietnamTime.StartOfDayUtc(day) + (hasTime ? time.ToTimeSpan() : TimeSpan.Zero);
        return (utc, hasTime);
    }
}

/// <summary>The edit page: the form, plus what the page shows around it.</summary>
public sealed record ArticleEditPage(ArticleForm Form)
{
    public string? PreviewHtml { get; init; }
    public ConflictInfo? Conflict { get; init; }
    public IReadOnlyList<string> RemovedByImport { get; init; } = [];
    public IReadOnlyList<string> KnownTags { get; init; } = [];
}

/// <summary>Someone else's save that this form would have overwritten.</summary>
public sealed record ConflictInfo(string? SavedBy, DateTime? SavedAtUtc, int? RevisionNumber, IReadOnlyList<FieldDiff> Differences)
{
    /// <summary>The state the editor saw when opening the page, and the state now (null when not known).</summary>
    public ArticleStatus? OpenedStatus { get; init; }
    public ArticleStatus? CurrentStatus { get; init; }

    public bool Trashed => CurrentStatus == ArticleStatus.Trashed && OpenedStatus != ArticleStatus.Trashed;

    public bool StateChanged => OpenedStatus is not null && CurrentStatus is not null && OpenedStatus != CurrentStatus;
}
