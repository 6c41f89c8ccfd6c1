namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>One line of the pasted text as the stages pass it on: its number in the input and what is left of it.</summary>
internal sealed class PastedLine(int number, string text)
{
    public int Number { get; } = number;
    public string Text { get; set; } = text;
    public bool AfterImage { get; set; }
    public bool Repeated { get; set; }
    public bool Damaged { get; set; }
}

/// <summary>What the head, tail and body stages read about the article; the first finding of each kind stands.</summary>
internal sealed class DraftMetadata
{
    public string? Title { get; set; }
    /// <summary>The headline as the page's markup named it (its &lt;h1&gt;), when the text was page source.</summary>
    public string? MarkedHeadline { get; set; }
    public bool TitleIsLead { get; set; }
    public string? LeadText { get; set; }
    public DateTimeOffset? Date { get; private set; }
    public bool DateHasTime { get; private set; }
    public string? Author { get; set; }
    public string? SourceUrl { get; set; }
    public SourcePolicy Sources { get; } = new();
    public List<string> Tags { get; } = [];

    public void SetByline(Attribution.Byline byline)
    {
        Author ??= byline.Author;
        Sources.FromByline(byline.Source, byline.Credit);
    }

    public void SetDate(Datelines.Dateline dateline)
    {
        if (Date is null && dateline.Date is not null)
        {
            Date = dateline.Date;
            DateHasTime = dateline.HasTime;
        }
    }
}
