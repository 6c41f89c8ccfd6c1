namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// A newsletter forwarded by e-mail: the forwarders' notes and the "Forwarded message" header blocks above the
/// newsletter are the mail's, not the article's. The header's Date: is when the mail was sent and its Subject:
/// is the newsletter's, so neither is read as the article's; the last sender's name is the publisher's.
/// </summary>
internal static class ForwardedEmail
{
    private static readonly string[] Markers =
        ["forwarded message", "original message", "begin forwarded message", "thư được chuyển tiếp", "tin nhắn đã chuyển tiếp", "thư chuyển tiếp"];

    private static readonly string[] HeaderFields =
        ["from", "date", "sent", "subject", "to", "cc", "bcc", "reply-to", "từ", "người gửi", "ngày", "ngày gửi", "gửi", "tiêu đề", "chủ đề", "đến", "tới"];

    /// <summary>
    /// The index of the first line after the last forwarding header block (0 when the text is no forwarded mail),
    /// and the display name of that block's sender ("Nhà Đầu tư" from "From: Nhà Đầu tư &lt;bantin@nhadautu.vn&gt;").
    /// </summary>
    public static (int Start, string? Sender) Find(string[] lines)
    {
        var marker = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsMarker(lines[i]))
            {
                marker = i;
            }
        }
        if (marker < 0)
        {
            return (0, null);
        }
        string? sender = null;
        var end = marker + 1;
        while (end < lines.Length && (lines[end].Length == 0 || HeaderField(lines[end]) is not null))
        {
            if (HeaderField(lines[end]) is ("from" or "từ" or "người gửi", var value))
            {
                sender = SenderName(value);
            }
            end++;
        }
        return (end, sender);
    }

    private static bool IsMarker(string line)
    {
        if (line.Length is 0 or > 60 || !(line.Contains("--", StringComparison.Ordinal) || line.EndsWith(':')))
        {
            return false;
        }
        var t = line.Trim().Trim('-', ' ', ':').ToLowerInvariant();
        return t.Length < 40 && Markers.Any(m => t == m) && (line.Contains("--", StringComparison.Ordinal) || line.TrimEnd().EndsWith(':'));
    }

    private static (string Field, string Value)? HeaderField(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 12)
        {
            return null;
        }
        var field = line[..colon].Trim().ToLowerInvariant();
        return HeaderFields.Contains(field) ? (field, line[(colon + 1)..].Trim()) : null;
    }

    // "Nhà Đầu tư <bantin@nhadautu.vn>" → "Nhà Đầu tư"; a bare address or a person's mailbox gives nothing useful,
    // but a person forwarding is never the last block's sender in practice, so any display name is taken.
    private static string? SenderName(string value)
    {
        var angle = value.IndexOf('<', StringComparison.Ordinal);
        var name = (angle >= 0 ? value[..angle] : value).Trim().Trim('"', '\'', ' ');
        return name.Length is > 1 and <= 60 && !name.Contains('@', StringComparison.Ordinal) ? name : null;
    }
}
