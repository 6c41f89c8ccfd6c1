using System.Text;
using System.Xml;

namespace AseanJapanNews.Web.Syndication;

/// <summary>
/// The XmlWriter of the feeds and sitemaps: leaves out every character XML 1.0 forbids, whichever field it comes in.
/// Editors' and importers' text is cleaned on the way in, but rows stored before that cleaning existed can still hold
/// a vertical tab or a NUL, and one such character made a feed throw (or, unchecked, made it unreadable XML).
/// </summary>
public sealed class WellFormedXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>UTF-8 without a BOM, indented.</summary>
    public static XmlWriter Open(Stream output) => new WellFormedXmlWriter(
        XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }));

    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 forbids. A vertical tab or form feed (Word's line and
    /// page breaks) becomes a space, so the words on either side stay apart; other controls and lone surrogates go.
    /// </summary>
    public static string Legal(string text)
    {
        StringBuilder? legal = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                legal?.Append(c);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                legal?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            legal ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (c is '\v' or '\f')
            {
                legal.Append(' ');
            }
        }
        return legal?.ToString() ?? text;
    }

    public override void WriteString(string? text) => inner.WriteString(text is null ? null : Legal(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => inner.WriteCData(text is null ? null : Legal(text));

    public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : Legal(text));

    public override void WriteCharEntity(char ch)
    {
        if (XmlConvert.IsXmlChar(ch))
        {
            inner.WriteCharEntity(ch);
        }
    }

    public override WriteState WriteState => inner.WriteState;
    public override XmlWriterSettings? Settings => inner.Settings;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override string? XmlLang => inner.XmlLang;
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);
    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);
    public override void WriteRaw(string data) => inner.WriteRaw(data);
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
