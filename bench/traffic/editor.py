"""An editor at work during bench/traffic.sh's readers run: every INTERVAL seconds one save through the real admin area.

    EDITOR_PASSWORD=… python3 bench/traffic/editor.py BASE_URL EMAIL ARTICLES_FILE SECONDS INTERVAL LOG SUMMARY_JSON

Signs in (cookie jar, antiforgery token from the form), then alternates two saves:
  - edit: a random published article (ARTICLES_FILE lists slugs in random order; the admin list's search finds its
    id), the edit form fetched, its title and body changed a little, posted with "Lưu và giữ xuất bản";
  - create: a new article filled in and posted with "Xuất bản".
A save succeeds when the form answers with the redirect to the article's edit page; anything else is an error.
After each save a reader without cookies asks for the article's page until the new text shows: the delay from the
save's answer to that is the change's visibility delay. Before an edit the reader asks for the page twice, so the
old page is in the output cache and the delay measures its eviction, not a first render. The reader sends
Accept-Encoding: gzip (a cache entry of its own beside the load's "gzip, br": the standard library cannot read brotli;
a change evicts every entry of a page at once).
Python standard library only.
"""
import gzip
import html.parser
import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE, EMAIL, ARTICLES, SECONDS, INTERVAL, LOG, SUMMARY = sys.argv[1:8]
SECONDS, INTERVAL = float(SECONDS), float(INTERVAL)
PASSWORD = os.environ["EDITOR_PASSWORD"]
VISIBLE_WITHIN = min(INTERVAL - 1, 9.0)  # seconds a change may take to show before it counts as an error
RUN = time.strftime("%H%M%S")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


admin = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
reader = urllib.request.build_opener(NoRedirect)


def call(opener, path, data=None, headers=None):
    """(status, headers, body text) of one request; 3xx and 4xx/5xx are answers, not exceptions."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(BASE + path, data=body, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            status, head, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        status, head, raw = e.code, e.headers, e.read()
    if head.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return status, head, raw.decode("utf-8", "replace")


class FormFields(html.parser.HTMLParser):
    """The named fields of one form (by id, or the first form), as a browser would post them."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.done, self.fields, self.textarea = form_id, False, False, {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and not self.inside and (self.form_id is None or a.get("id") == self.form_id):
            self.inside = True
        elif self.inside and tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "checkbox"):
            self.fields[a["name"]] = a.get("value") or ""
        elif self.inside and tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            # A browser drops the one line break that follows <textarea>.
            value = self.fields[self.textarea]
            self.fields[self.textarea] = value[2:] if value.startswith("\r\n") else value[1:] if value.startswith("\n") else value
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form(path, form_id=None):
    status, _, text = call(admin, path)
    if status != 200:
        raise Failure(f"GET {path}: {status}")
    parser = FormFields(form_id)
    parser.feed(text)
    if "__RequestVerificationToken" not in parser.fields:
        raise Failure(f"GET {path}: no antiforgery token in the form")
    return parser.fields


class Failure(Exception):
    pass


def sign_in():
    fields = form("/admin/login")
    fields.update(Email=EMAIL, Password=PASSWORD)
    status, head, _ = call(admin, "/admin/login", fields)
    if status != 302 or "/admin/login" in (head.get("Location") or ""):
        raise Failure(f"sign-in: {status} (is the account there, the password right?)")


def wait_until_visible(slug, marker):
    """Seconds from now until the article's page shows the marker; raises after VISIBLE_WITHIN."""
    start = time.monotonic()
    while True:
        status, _, text = call(reader, "/articles/" + urllib.parse.quote(slug), headers={"Accept-Encoding": "gzip"})
        elapsed = time.monotonic() - start
        if status == 200 and marker in text:
            return elapsed
        if elapsed > VISIBLE_WITHIN:
            raise Failure(f"not visible after {elapsed:.1f} s (last answer {status})")
        time.sleep(0.01)


def saved(status, head):
    return status == 302 and re.fullmatch(r"/admin/articles/\d+", head.get("Location") or "")


def edit(slug, n):
    _, _, listing = call(admin, "/admin/articles?q=" + urllib.parse.quote(slug))
    for article_id in dict.fromkeys(re.findall(r'href="/admin/articles/(\d+)"', listing)):
        fields = form(f"/admin/articles/{article_id}", "article-form")
        if fields.get("Form.Slug") == slug:
            break
    else:
        raise Failure(f"edit: the admin list does not find {slug}")
    for _ in range(2):  # the old page, now in the output cache
        call(reader, "/articles/" + urllib.parse.quote(slug), headers={"Accept-Encoding": "gzip"})
    marker = f"bench{RUN}x{n}"
    fields["Form.Title"] = re.sub(r" \(cập nhật \d+\)$", "", fields["Form.Title"]) + f" (cập nhật {n})"
    fields["Form.Body"] += f"\n\nCập nhật {marker}: Nhật Bản và Việt Nam tiếp tục hợp tác đầu tư."
    fields["submit"] = "publish"
    status, head, _ = call(admin, f"/admin/articles/{article_id}", fields)
    if not saved(status, head):
        raise Failure(f"edit of article {article_id}: answer {status} {head.get('Location') or ''}")
    return article_id, wait_until_visible(slug, marker)


def create(n):
    fields = form("/admin/articles/new", "article-form")
    marker = f"bench{RUN}x{n}"
    slug = f"ban-tin-thu-tai-{RUN}-{n}"
    fields.update({
        "Form.Title": f"Bản tin thử tải {n}: Nhật Bản và Việt Nam thúc đẩy hợp tác kinh tế",
        "Form.Slug": slug,
        "Form.Summary": "Doanh nghiệp Nhật Bản tiếp tục mở rộng đầu tư tại Việt Nam và ASEAN.",
        "Form.Body": f"Hà Nội, {marker}: Thủ tướng tiếp đoàn doanh nghiệp Nhật Bản.\n\n"
                     "Hai bên trao đổi về hợp tác kinh tế, thương mại và lao động.",
        "Form.Tags": "Nhật Bản, Việt Nam, Kinh tế",
        "Form.Author": "Ban biên tập",
        "submit": "publish",
    })
    status, head, _ = call(admin, "/admin/articles/new", fields)
    if not saved(status, head):
        raise Failure(f"new article: answer {status} {head.get('Location') or ''}")
    return head["Location"].rsplit("/", 1)[1], wait_until_visible(slug, marker)


def main():
    with open(ARTICLES, encoding="utf-8") as f:
        slugs = [line.strip() for line in f if line.strip()]
    saves, errors, delays = [], 0, []
    log = open(LOG, "w", encoding="utf-8")
    start = time.monotonic()
    try:
        sign_in()
    except (Failure, OSError) as e:
        print(f"editor: {e}", file=log)
        errors += 1
        slugs = []
    n = 0
    while slugs and time.monotonic() - start < SECONDS:
        kind = "edit" if n % 2 == 0 else "create"
        try:
            article_id, delay = edit(slugs[n // 2 % len(slugs)], n) if kind == "edit" else create(n)
            delays.append(delay)
            saves.append({"kind": kind, "article": article_id, "ok": True, "visible_ms": round(delay * 1000, 1)})
            print(f"{time.strftime('%H:%M:%S')} {kind} article {article_id}: saved, visible after {delay * 1000:.0f} ms",
                  file=log, flush=True)
        except (Failure, OSError) as e:
            errors += 1
            saves.append({"kind": kind, "ok": False, "error": str(e)})
            print(f"{time.strftime('%H:%M:%S')} {kind}: ERROR {e}", file=log, flush=True)
        n += 1
        # Every INTERVAL seconds from the start, whatever the save took.
        next_at = start + n * INTERVAL
        if next_at - start >= SECONDS:
            break
        time.sleep(max(0.0, next_at - time.monotonic()))
    summary = {
        "saves": len(saves), "errors": errors, "visible_ms": [s.get("visible_ms") for s in saves if s["ok"]],
        "median_ms": round(statistics.median(delays) * 1000, 1) if delays else None,
        "max_ms": round(max(delays) * 1000, 1) if delays else None, "log": saves,
    }
    with open(SUMMARY, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)


main()
