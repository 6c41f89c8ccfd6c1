using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// One browser-like visitor of the admin area: keeps its cookies, and fills in forms the way a browser
/// does — every field the page rendered (hidden antiforgery token and version included), with the
/// fields the test types replacing theirs.
/// </summary>
public sealed class AdminSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(Client, url);

    /// <summary>Opens <paramref name="pageUrl"/> and submits its form whose action is <paramref name="formAction"/> (the first POST form when null).</summary>
    public async Task<FormResult> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string?> typed, string? button = null, string? formAction = null)
    {
        var page = await GetAsync(pageUrl);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {pageUrl} gave {(int)page.Status}");
        return await SubmitAsync(page, typed, button, formAction);
    }

    /// <summary>Submits a form of an already opened <paramref name="page"/> (e.g. the page a failed save returned).</summary>
    public async Task<FormResult> SubmitAsync(HtmlPage page, IReadOnlyDictionary<string, string?> typed, string? button = null, string? formAction = null)
    {
        var form = FindForm(page, formAction);
        var fields = FieldsOf(form);
        foreach (var (name, value) in typed)
        {
            fields[name] = value ?? "";
        }
        if (button is not null)
        {
            var submit = form.QuerySelectorAll("button[name], input[type=submit][name]")
                .FirstOrDefault(b => b.GetAttribute("value") == button);
            Assert.True(submit is not null, $"the form {form.GetAttribute("action")} has no button with value {button}");
            fields[submit.GetAttribute("name")!] = button;
        }
        return await PostAsync(form.GetAttribute("action") ?? "", fields);
    }

    /// <summary>A POST with exactly these fields (no token unless given): what a forged or scripted request sends.</summary>
    public async Task<FormResult> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Client.PostAsync(url, content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return new FormResult(response.StatusCode, response.Headers.Location?.ToString(), new HtmlPage(response.StatusCode, Parser.ParseDocument(html), html));
    }

    /// <summary>A POST to a button-form endpoint (trash, restore, purge …) with a valid token taken from <paramref name="tokenPageUrl"/>.</summary>
    public async Task<FormResult> PostWithTokenAsync(string url, IReadOnlyDictionary<string, string> fields, string tokenPageUrl = "/admin/articles")
    {
        var page = await GetAsync(tokenPageUrl);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"{tokenPageUrl} carries no antiforgery token");
        return await PostAsync(url, fields.Append(new("__RequestVerificationToken", token!)));
    }

    /// <summary>The values a browser would send for <paramref name="form"/> as rendered (buttons excluded).</summary>
    public static Dictionary<string, string> FieldsOf(IElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields[name] = input.Value;
                    }
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }

    public static IElement FindForm(HtmlPage page, string? formAction)
    {
        var forms = page.Document.QuerySelectorAll("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            // The layout's sign-out button is a form too; it is never the one a test means.
            .Where(f => f.GetAttribute("action") != "/admin/logout")
            .ToList();
        var form = formAction is null ? forms.FirstOrDefault() : forms.FirstOrDefault(f => f.GetAttribute("action") == formAction);
        Assert.True(form is not null, $"no POST form{(formAction is null ? "" : " to " + formAction)} on the page:\n{page.BodyText}");
        return form;
    }
}

/// <summary>The answer to a POST: status, redirect target and the page returned.</summary>
public sealed record FormResult(HttpStatusCode Status, string? Location, HtmlPage Page)
{
    /// <summary>The id in a redirect to <c>/admin/articles/{id}</c>.</summary>
    public int ArticleId
    {
        get
        {
            Assert.True(Status == HttpStatusCode.Redirect, $"expected a redirect after saving, got {(int)Status}:\n{Page.BodyText}");
            var last = Location!.Split('?')[0].TrimEnd('/').Split('/')[^1];
            return int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The message shown beside <paramref name="field"/> (e.g. "Form.Title").</summary>
    public string FieldError(string field) =>
        Page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The value the returned form holds in <paramref name="field"/>.</summary>
    public string FieldValue(string field) => AdminSession.FieldsOf(Page.Document.QuerySelector("form#article-form") ?? Page.Document.QuerySelector("form")!).GetValueOrDefault(field, "");
}
