namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The reasons a <see cref="Removal"/> gives, one name each, as an editor reads them in the draft's review list.
/// Every rule that drops text says why with one of these, so the list can be grouped and a new rule cannot
/// misspell an old reason.
/// </summary>
public static class RemovalReasons
{
    /// <summary>A gambling or lottery phrase cut from a line.</summary>
    public const string Spam = "spam";

    /// <summary>A long run of letters with no spaces, left by injected junk.</summary>
    public const string Garbled = "garbled run-together text";

    /// <summary>What is left of a line around cut spam when it is not a sentence.</summary>
    public const string SpamFragment = "broken fragment around spam";

    /// <summary>A line with no letter or digit.</summary>
    public const string PunctuationOnly = "punctuation-only line";

    /// <summary>A button, counter, banner or footer of the site.</summary>
    public const string Furniture = "site furniture";

    /// <summary>A short section name of the site menu above the headline.</summary>
    public const string MenuItem = "menu item";

    /// <summary>Everything from a "related news" heading to the end.</summary>
    public const string RelatedNews = "related-news block";

    /// <summary>A "Xem thêm:" heading and the headlines it lists.</summary>
    public const string LinkList = "link list";

    /// <summary>A money amount with a call to action.</summary>
    public const string Advert = "advert";

    /// <summary>"… - Ảnh 1" where the page had a picture.</summary>
    public const string ImagePlaceholder = "image placeholder";

    /// <summary>The same line twice in a row.</summary>
    public const string RepeatedLine = "repeated line";

    /// <summary>The headline printed again under itself.</summary>
    public const string RepeatedTitle = "repeated title";

    /// <summary>A date (and time) line, read into the draft's date.</summary>
    public const string Dateline = "dateline";

    /// <summary>The article's address, read into the draft's source URL.</summary>
    public const string SourceUrl = "source URL";

    /// <summary>The outlet's name or masthead above the headline, read as a source.</summary>
    public const string OutletName = "outlet name";

    /// <summary>Lines above the headline that are none of the above.</summary>
    public const string JunkBeforeTitle = "junk before title";

    /// <summary>A "Theo X" / "Nguồn: X" line or the outlet's name, read into the draft's source.</summary>
    public const string Source = "source";

    /// <summary>A byline, read into the draft's author (and source when it names an outlet).</summary>
    public const string Byline = "byline";

    /// <summary>A byline run together with a source line.</summary>
    public const string BylineAndSource = "byline and source";

    /// <summary>A personal name on a line of its own, read into the draft's author.</summary>
    public const string Author = "author";

    /// <summary>A keyword line, offered as suggested tags.</summary>
    public const string Keywords = "keyword line (suggested tags)";

    /// <summary>A photo credit with no caption to go with.</summary>
    public const string StrayPhotoCredit = "stray photo credit";

    /// <summary>A forwarded mail's notes and headers above the newsletter it forwards.</summary>
    public const string ForwardedEmail = "forwarded e-mail header";

    /// <summary>A print edition's running page header ("BÁO X | Thứ Hai 3-3-2025 | Trang 1").</summary>
    public const string RunningHeader = "running page header";

    /// <summary>What a print edition's jump ("Xem tiếp trang 7" … "Tiếp theo trang 1") skips: other pages' ads and headlines.</summary>
    public const string OtherPage = "other page of the print edition";
}
