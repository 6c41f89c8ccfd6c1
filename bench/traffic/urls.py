"""Finds what the running site shows readers and writes the seeded request sequences of bench/traffic.sh.

    python3 bench/traffic/urls.py BASE_URL CORPUS_DIR OUT_DIR SEED

Asks the site itself, as a crawler would: the sitemaps give every published article and every month, /tags every
topic with its count. Then writes, all from SEED (same site, same seed, same files):
  crawler.txt   every published article once, in random order
  readers.txt   the readers' mix (shares in MIX below; articles by Zipf(1.0) popularity over all of them)
  search.txt    every search URL once, in random order (the distinct queries, plus pages 2 and 3 of common words)
  editor.txt    published articles in random order, for the editor to open (not the popular ones first)
  static.txt    the most popular article, whose bytes become the static file
  meta.json     counts for the report
Python standard library only.
"""
import bisect
import itertools
import json
import os
import random
import re
import sys
import unicodedata
import urllib.parse
import urllib.request

BASE, CORPUS, OUT, SEED = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
READER_REQUESTS = int(os.environ.get("READER_REQUESTS", "300000"))

# Shares of the readers' mix (issue 17).
MIX = [("article", 0.75), ("home", 0.08), ("tag", 0.08), ("archive", 0.03), ("search", 0.04), ("feed", 0.02)]

# The generator's domain words and the share of articles that mention them (SyntheticCorpus.DomainWords).
DOMAIN_WORDS = [
    ("Nhật Bản", 0.90), ("Việt Nam", 0.85), ("hợp tác", 0.60), ("ASEAN", 0.50), ("Hà Nội", 0.50),
    ("kinh tế", 0.40), ("đầu tư", 0.35), ("Thủ tướng", 0.30),
    ("doanh nghiệp", 0.20), ("thương mại", 0.20), ("Tokyo", 0.20), ("ngoại giao", 0.20),
    ("lao động", 0.10), ("du lịch", 0.10), ("năng lượng", 0.10), ("chuyển đổi số", 0.10), ("giáo dục", 0.10),
    ("bán dẫn", 0.05), ("thực tập sinh", 0.05), ("Mekong", 0.05), ("ODA", 0.05), ("Osaka", 0.05), ("biến đổi khí hậu", 0.05),
    ("Shinkansen", 0.01), ("hydro xanh", 0.01), ("Fukushima", 0.01), ("động đất", 0.01), ("tàu điện ngầm", 0.01), ("Kansai", 0.01),
]

# Words no article has: readers' typos and words from elsewhere (a search with no results is real traffic too).
NO_MATCH = ["covid vaccine", "bóng đá", "world cup", "iphone", "bitcoin", "chứng khoán mỹ", "nhat bna", "veit nam",
            "asaen", "kinh te hoc", "thời tiết hôm nay", "xổ số", "giá vàng", "tuyển dụng", "olympic"]


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=60) as response:
        return response.read().decode("utf-8")


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (("?" + parts.query) if parts.query else "")


def fold(text):
    """What a reader types without diacritics: đ → d, marks dropped, lower case."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def zipf_cumulative(n):
    cumulative, total = [], 0.0
    for rank in range(1, n + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return [c / total for c in cumulative]


def draw(rng, cumulative):
    return min(bisect.bisect_left(cumulative, rng.random()), len(cumulative) - 1)


def search_path(query, page=1):
    return "/search?q=" + urllib.parse.quote_plus(query) + (f"&page={page}" if page > 1 else "")


# --- What the site shows ------------------------------------------------------------------------------------------
index = get("/sitemap.xml")
month_maps = sorted(path_of(u) for u in re.findall(r"<loc>([^<]+/sitemaps/articles-\d+-\d+\.xml)</loc>", index))
articles, months = [], []
for month_map in month_maps:
    found = [path_of(u) for u in re.findall(r"<loc>([^<]+/articles/[^<]+)</loc>", get(month_map))]
    articles.extend(found)
    year, month = re.search(r"articles-(\d+)-(\d+)\.xml", month_map).groups()
    months.append((int(year), int(month), len(found)))
articles = sorted(set(articles))
if not articles:
    sys.exit("urls.py: the sitemaps list no article: is the database empty?")
tags = [(slug, name, int(count)) for slug, name, count in
        re.findall(r'<a href="/tags/([^"]+)">([^<]*)</a> <span class="count">(\d+) bài</span>', get("/tags"))]
tags = [t for t in tags if t[2] > 0]
tags.sort(key=lambda t: (-t[2], t[0]))  # the most used topics are the most visited
if not tags:
    sys.exit("urls.py: /tags lists no topic (has its markup changed?)")

rng = random.Random(SEED)

# --- The crawler: every article once --------------------------------------------------------------------------------
crawler = articles[:]
rng.shuffle(crawler)

# --- Search queries: ≥ 500 distinct, words in 1% to 90% of the articles, with and without diacritics, phrases ------
titles = []
names = sorted(os.listdir(os.path.join(CORPUS, "articles")))
for name in rng.sample(names, min(400, len(names))):
    with open(os.path.join(CORPUS, "articles", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("title:"):
                titles.append(line[6:].strip().strip("'\""))
                break

queries = []


def add(query):
    query = " ".join(query.split())
    if query and query not in queries:
        queries.append(query)


for word, _ in DOMAIN_WORDS:                  # every domain word four ways
    add(word)
    add(fold(word))
    add(f'"{word}"')
    add(f'"{fold(word)}"')
pairs = list(itertools.combinations([w for w, _ in DOMAIN_WORDS], 2))
for a, b in rng.sample(pairs, 150):           # two domain words, as readers combine them
    add(f"{a} {b}" if rng.random() < 0.6 else fold(f"{a} {b}"))
for _ in range(40):                           # three
    a, b, c = rng.sample([w for w, _ in DOMAIN_WORDS[:12]], 3)
    add(f"{a} {b} {c}" if rng.random() < 0.5 else fold(f"{a} {b} {c}"))
for title in titles:                           # rare words: two or three words of one article's title
    words = [w.strip(",") for w in title.split() if w.strip(",")]
    if len(words) < 3:
        continue
    start = rng.randrange(len(words) - 2)
    fragment = " ".join(words[start:start + rng.choice((2, 3))])
    roll = rng.random()
    add(fragment if roll < 0.35 else fold(fragment) if roll < 0.6 else f'"{fragment}"' if roll < 0.85 else f'"{fold(fragment)}"')
    if len(queries) >= 400:
        break
for word, _ in rng.sample(DOMAIN_WORDS, 20):   # a common word and a rare one
    add(f"{word} {rng.choice(rng.choice(titles).split()).strip(',')}")
for slug, name, _ in rng.sample(tags, min(40, len(tags))):  # topic names, typed into search
    add(name if rng.random() < 0.5 else fold(name))
for query in NO_MATCH:
    add(query)
for title in titles:                           # top up to 520 with more title words
    if len(queries) >= 520:
        break
    words = [w.strip(",") for w in title.split() if w.strip(",")]
    add(" ".join(rng.sample(words, min(2, len(words)))))

search = [search_path(q) for q in queries]
# Later pages only where there surely are some: the common words alone (≥ 30% of the articles).
for word, share in DOMAIN_WORDS:
    if share >= 0.30:
        for page in (2, 3):
            search.append(search_path(word, page))
            search.append(search_path(fold(word), page))
rng.shuffle(search)

# --- The readers' mix ---------------------------------------------------------------------------------------------
popularity = articles[:]
rng.shuffle(popularity)                        # popularity rank is random: a hot article can be of any age
article_cdf = zipf_cumulative(len(popularity))
tag_cdf = zipf_cumulative(len(tags))
home_cdf = zipf_cumulative(10)
mix_cdf = list(itertools.accumulate(share for _, share in MIX))
years = sorted({y for y, _, _ in months})


def tag_page():
    slug, _, count = tags[draw(rng, tag_cdf)]
    path = "/tags/" + slug
    roll = rng.random()
    pages = count // 20                        # only pages that surely exist (20 per page)
    if roll < 0.15 and pages >= 2:
        return path + f"?page={rng.randint(2, min(pages, 5))}"
    if roll < 0.30:                            # a date filter: one year, or one year's first half
        year = rng.choice(years)
        to = f"{year}-06-30" if rng.random() < 0.5 else f"{year}-12-31"
        return path + f"?from={year}-01-01&to={to}"
    return path


def archive_page():
    year, month, count = rng.choice(months)
    path = f"/archive/{year}/{month:02d}"
    if rng.random() < 0.2 and count // 20 >= 2:
        return path + f"?page={rng.randint(2, min(count // 20, 5))}"
    return path


def feed():
    roll = rng.random()
    if roll < 0.30:
        return "/feed.xml"
    if roll < 0.45:
        return "/atom.xml"
    if roll < 0.60:
        return "/tags/" + tags[draw(rng, tag_cdf)][0] + "/feed.xml"
    if roll < 0.70:
        return "/sitemap.xml"
    if roll < 0.80:
        return "/sitemaps/pages.xml"
    return rng.choice(month_maps)


readers = []
kinds = {kind: 0 for kind, _ in MIX}
for _ in range(READER_REQUESTS):
    kind = MIX[min(bisect.bisect_left(mix_cdf, rng.random()), len(MIX) - 1)][0]
    kinds[kind] += 1
    if kind == "article":
        readers.append(popularity[draw(rng, article_cdf)])
    elif kind == "home":
        page = draw(rng, home_cdf) + 1
        readers.append("/" if page == 1 else f"/?page={page}")
    elif kind == "tag":
        readers.append(tag_page())
    elif kind == "archive":
        readers.append(archive_page())
    elif kind == "search":
        readers.append(rng.choice(search))
    else:
        readers.append(feed())

editor = articles[:]
rng.shuffle(editor)

os.makedirs(OUT, exist_ok=True)
for name, lines in (("crawler.txt", crawler), ("readers.txt", readers), ("search.txt", search),
                    ("editor.txt", [p.rsplit("/", 1)[1] for p in editor]), ("static.txt", popularity[:1])):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
with open(os.path.join(OUT, "meta.json"), "w", encoding="utf-8") as f:
    json.dump({
        "articles": len(articles), "tags": len(tags), "months": len(months), "queries": len(queries),
        "search_urls": len(search), "reader_requests": len(readers),
        "reader_mix": {k: round(v / len(readers), 4) for k, v in kinds.items()},
        "distinct_reader_urls": len(set(readers)),
        "hottest_article_share": round(article_cdf[0], 4),
    }, f, indent=1)
print(f"urls: {len(articles)} articles, {len(tags)} topics, {len(months)} months, {len(queries)} distinct queries "
      f"({len(search)} search URLs), {len(readers)} reader requests ({len(set(readers))} distinct URLs)", file=sys.stderr)
