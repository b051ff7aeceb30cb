"""Build the multilingual test pages: our own fictional articles set in four news-site templates.

Run: `python tests/data/multilingual_pages/build.py`. Reads articles_*.json (the articles) and chrome.json (each
language's menus, buttons and banners), writes html/<id>.html, text/<id>.txt (the whole page's visible text, as a
text browser or a scraper saves it) and gold.jsonl (body, title, publication day, language, URL).
Templates 1 and 4 are dumped the way inscriptis lays a page out (indented lists with bullets), 2 and 3 flat, the
way a browser's "save as text" or get_text() gives them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
RTL = {"ar", "he"}
RLM, ALM = "\u200f", "\u061c"
BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "header", "footer", "nav", "main", "article", "aside", "section")
) | frozenset(("figure", "figcaption", "blockquote", "ul", "ol", "li", "form"))
SKIP = frozenset(("script", "style", "head", "noscript", "img"))
GAP_AFTER = frozenset(("p", "h1", "h2", "h3", "h4", "figcaption", "blockquote", "ul", "ol"))
CRUMB = " \u203a "  # the breadcrumb separator


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def marked(article: dict[str, Any], text: str) -> str:
    """Dates on right-to-left pages carry the direction marks browsers copy along with them."""
    if article["lang"] not in RTL:
        return text
    mark = ALM if article["template"] == 2 and article["lang"] == "ar" else RLM
    return f"{mark}{text}{mark}"


def url_of(article: dict[str, Any]) -> str:
    return f"https://www.{article['domain']}{article['path']}"


def head(article: dict[str, Any], extra: str) -> str:
    title = esc(article["title"])
    direction = ' dir="rtl"' if article["lang"] in RTL else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{article["lang"]}"{direction}>\n'
        f'<head>\n<meta charset="utf-8">\n<title>{title} | {esc(article["outlet"])}</title>\n'
        f'<meta property="og:title" content="{title}">\n'
        f'<meta property="og:site_name" content="{esc(article["outlet"])}">\n'
        f'<link rel="canonical" href="{esc(url_of(article))}">\n{extra}'
        "<style>body{font-family:sans-serif}.cookie{position:fixed;bottom:0}</style>\n</head>\n"
    )


def nav(article: dict[str, Any], chrome: dict[str, Any], more: bool = False) -> str:
    items = chrome["nav"] + (chrome["footer"][:2] if more else [])
    links = "".join(f'<li><a href="/{i}">{esc(item)}</a></li>' for i, item in enumerate(items))
    return (
        f'<header class="site-header"><div class="logo"><a href="/">{esc(article["outlet"])}</a></div>\n'
        f'<nav class="main-nav"><ul>{links}</ul></nav></header>\n'
    )


def crumbs(article: dict[str, Any], chrome: dict[str, Any]) -> str:
    return f'<a href="/">{esc(chrome["home"])}</a>{CRUMB}<a href="/s">{esc(article["section"])}</a>'


def share(chrome: dict[str, Any]) -> str:
    label, *buttons = chrome["share"]
    items = "".join(f'<li><a href="#share">{esc(b)}</a></li>' for b in buttons)
    return f'<div class="share"><span>{esc(label)}</span><ul>{items}</ul></div>\n'


def figure(article: dict[str, Any]) -> str:
    if not article["caption"]:
        return ""
    caption = esc(article["caption"])
    return f'<figure><img src="/img/1.jpg" alt=""><figcaption>{caption}</figcaption></figure>\n'


def body(article: dict[str, Any], chrome: dict[str, Any], teaser: bool) -> str:
    parts = []
    for k, paragraph in enumerate(article["paragraphs"]):
        if paragraph.startswith("## "):
            parts.append(f"<h2>{esc(paragraph[3:])}</h2>")
        else:
            parts.append(f"<p>{esc(paragraph)}</p>")
        if teaser and k == 1:
            parts.append(
                f'<p class="teaser"><strong>{esc(chrome["inline_teaser"])}:</strong> '
                f'<a href="/rel/0">{esc(article["related"][0])}</a></p>'
            )
    return '<div class="article-body">\n' + "\n".join(parts) + "\n</div>\n"


def tags(article: dict[str, Any], chrome: dict[str, Any]) -> str:
    if not article["tags"]:
        return ""
    links = "".join(f'<li><a href="/tag/{i}">{esc(t)}</a></li>' for i, t in enumerate(article["tags"]))
    return f'<div class="tags"><h4>{esc(chrome["tags"])}</h4><ul>{links}</ul></div>\n'


def related(article: dict[str, Any], chrome: dict[str, Any], heading: str) -> str:
    items = "".join(f'<li><a href="/rel/{i}">{esc(t)}</a></li>' for i, t in enumerate(article["related"]))
    return f'<aside class="related"><h3>{esc(heading)}</h3><ul>{items}</ul></aside>\n'


def footer(article: dict[str, Any], chrome: dict[str, Any]) -> str:
    links = "".join(f'<li><a href="/legal/{i}">{esc(t)}</a></li>' for i, t in enumerate(chrome["footer"]))
    return f"<footer><ul>{links}</ul><p>© 2026 {esc(article['outlet'])}. {esc(chrome['rights'])}</p></footer>\n"


def cookie(chrome: dict[str, Any]) -> str:
    return (
        f'<div class="cookie"><p>{esc(chrome["cookie"])}</p><div><button>{esc(chrome["cookie_accept"])}</button> '
        f"<button>{esc(chrome['cookie_settings'])}</button></div></div>\n"
    )


def newsletter(chrome: dict[str, Any]) -> str:
    return (
        f'<div class="newsletter"><p>{esc(chrome["newsletter"])}</p>'
        f'<form><input type="email"><button>{esc(chrome["newsletter_button"])}</button></form></div>\n'
    )


def json_ld(article: dict[str, Any]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article["title"],
        "datePublished": article["published"] + "T10:32:00+01:00",
        "author": {"@type": "Person", "name": article["author"]},
        "inLanguage": article["lang"],
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'


def template_1(a: dict[str, Any], c: dict[str, Any]) -> str:
    """Classic: JSON-LD, byline and date, share bar, inline teaser, tags, related list, footer, cookie banner last."""
    return (
        head(a, json_ld(a))
        + "<body>\n"
        + nav(a, c)
        + f'<main><div class="breadcrumb">{crumbs(a, c)}</div>\n'
        + f"<article><h1>{esc(a['title'])}</h1>\n"
        + f'<div class="byline"><span>{esc(c["by"])} <a href="/autor">{esc(a["author"])}</a></span>\n'
        + f"<p><time>{esc(marked(a, a['date_text']))}</time></p><p>{esc(c['read_time'])}</p></div>\n"
        + share(c)
        + figure(a)
        + body(a, c, teaser=True)
        + tags(a, c)
        + share(c)
        + "</article>\n"
        + related(a, c, c["related"])
        + "</main>\n"
        + footer(a, c)
        + cookie(c)
        + "</body></html>\n"
    )


def template_2(a: dict[str, Any], c: dict[str, Any]) -> str:
    """Magazine: cookie banner first, meta published time, standfirst, dated byline line, related cards."""
    stamp = a["published"] + "T17:40:00+01:00"
    dates = marked(a, a["date_text"])
    if a.get("published_text"):
        dates = f"{a['published_text']} · {dates}"
    cards = "".join(
        f'<div class="card"><h3><a href="/rel/{i}">{esc(t)}</a></h3><p>{esc(c["read_time"])}</p></div>'
        for i, t in enumerate(a["related"])
    )
    return (
        head(a, f'<meta property="article:published_time" content="{stamp}">\n')
        + "<body>\n"
        + cookie(c)
        + nav(a, c, more=True)
        + f'<main><article><p class="kicker">{esc(a["section"])}</p><h1>{esc(a["title"])}</h1>\n'
        + f'<p class="lead">{esc(a["standfirst"])}</p>\n'
        + f'<div class="meta"><p>{esc(c["by"])} {esc(a["author"])} · {esc(dates)}</p></div>\n'
        + figure(a)
        + body(a, c, teaser=False)
        + share(c)
        + "</article>\n"
        + newsletter(c)
        + f'<section class="more"><h2>{esc(c["related"])}</h2>{cards}</section>\n'
        + "</main>\n"
        + footer(a, c)
        + "</body></html>\n"
    )


def template_3(a: dict[str, Any], c: dict[str, Any]) -> str:
    """Brief: <time datetime>, a short body, a most-read list and a newsletter box beside it."""
    most = "".join(f'<li><a href="/top/{i}">{esc(t)}</a></li>' for i, t in enumerate(a["related"] + c["nav"][1:4]))
    date = marked(a, a["date_text"])
    if a["lang"] == "he":
        date = f"\u200e{a['date_text']}\u200e"
    return (
        head(a, "")
        + "<body>\n"
        + nav(a, c)
        + f"<main><article><h1>{esc(a['title'])}</h1>\n"
        + f'<p class="dateline"><time datetime="{a["published"]}">{esc(date)}</time> | {esc(a["author"])}</p>\n'
        + body(a, c, teaser=False)
        + "</article>\n"
        + f"<aside><h3>{esc(c['most_read'])}</h3><ol>{most}</ol></aside>\n"
        + newsletter(c)
        + "</main>\n"
        + footer(a, c)
        + "</body></html>\n"
    )


def template_4(a: dict[str, Any], c: dict[str, Any]) -> str:
    """Portal: no declared date, subheadings, caption, a comment thread, related list, long footer."""
    comments = "".join(
        f'<li><p class="who">{esc(name)}</p><p>{esc(text)}</p></li>' for name, text in c["comment_lines"]
    )
    return (
        head(a, "")
        + "<body>\n"
        + nav(a, c, more=True)
        + f'<div class="breadcrumb">{crumbs(a, c)}</div>\n'
        + f"<main><article><h1>{esc(a['title'])}</h1>\n"
        + f'<div class="info"><p>{esc(a["author"])}</p><p>{esc(marked(a, a["date_text"]))}</p></div>\n'
        + share(c)
        + figure(a)
        + body(a, c, teaser=False)
        + tags(a, c)
        + "</article>\n"
        + f'<section class="comments"><h3>{esc(c["comments"])} (2)</h3><ul>{comments}</ul></section>\n'
        + related(a, c, c["related"])
        + "</main>\n"
        + cookie(c)
        + footer(a, c)
        + "</body></html>\n"
    )


def template_5(a: dict[str, Any], c: dict[str, Any]) -> str:
    """Held out (written after the extraction rules): menu as one line of links, most-read box before the
    article, a numeric date, a related box between paragraphs, the author's name alone after the text."""
    links = " | ".join(f'<a href="/{i}">{esc(item)}</a>' for i, item in enumerate(c["nav"]))
    most = "".join(f'<li><a href="/top/{i}">{esc(t)}</a></li>' for i, t in enumerate(a["related"]))
    box = "".join(f'<li><a href="/rel/{i}">{esc(t)}</a></li>' for i, t in enumerate(a["related"][1:]))
    paragraphs = [f"<h2>{esc(p[3:])}</h2>" if p.startswith("## ") else f"<p>{esc(p)}</p>" for p in a["paragraphs"]]
    paragraphs.insert(2, f'<aside class="inline"><h4>{esc(c["related"])}</h4><ul>{box}</ul></aside>')
    stamp = a["published"] + (" 09:15" if a["template"] % 2 else "")
    return (
        head(a, "")
        + "<body>\n"
        + f'<div class="top"><a href="/">{esc(a["outlet"])}</a></div><div class="menu">{links}</div>\n'
        + f'<div class="side"><h3>{esc(c["most_read"])}</h3><ol>{most}</ol></div>\n'
        + f"<main><article><h1>{esc(a['title'])}</h1>\n"
        + f'<p class="by">{esc(c["by"])} {esc(a["author"])}</p><p class="when">{esc(marked(a, stamp))}</p>\n'
        + share(c)
        + '<div class="text">\n'
        + "\n".join(paragraphs)
        + f'\n</div><p class="author"><strong>{esc(a["author"])}</strong></p>\n'
        + "</article></main>\n"
        + newsletter(c)
        + footer(a, c)
        + "</body></html>\n"
    )


TEMPLATES = {1: template_1, 2: template_2, 3: template_3, 4: template_4}
HELD_OUT = 5  # each language's second article again, in template 5
NESTED_T5 = ("es", "fr", "de")  # held-out pages dumped like inscriptis; the others flat


def dump(page: str, nested: bool) -> str:
    """The page's visible text: one line per block; `nested` indents lists and bullets their items."""
    lines: list[str] = []
    current: list[str] = []

    def flush(indent: int) -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(" " * indent + text)
        current.clear()

    def walk(node: Any, depth: int, indent: int) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP:
            if node.tail:
                current.append(node.tail)
            return
        block = tag in BLOCKS
        if block:
            flush(indent)
        inner = indent + 2 if nested and tag in ("ul", "ol") else indent
        if tag == "li" and nested:
            current.append("* ")
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child, depth + 1, inner)
        if block:
            flush(indent)
            if tag in GAP_AFTER and lines and lines[-1] != "":
                lines.append("")
        if node.tail:
            current.append(node.tail if not block else node.tail.strip())

    walk(lxml_html.document_fromstring(page).body, 0, 0)
    flush(0)
    return "\n".join(lines).strip() + "\n"


def load_articles() -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for path in sorted(HERE.glob("articles_*.json")):
        articles.extend(json.loads(path.read_text(encoding="utf-8")))
    return sorted(articles, key=lambda a: a["id"])


def main() -> None:
    chrome = json.loads((HERE / "chrome.json").read_text(encoding="utf-8"))
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / "text").mkdir(exist_ok=True)
    gold = []
    articles = load_articles()
    again = [{**a, "id": f"{a['id']}-t{HELD_OUT}", "held_out": True} for a in articles if a["id"].endswith("-2")]
    for article in articles + again:
        render = template_5 if article.get("held_out") else TEMPLATES[article["template"]]
        page = render(article, chrome[article["lang"]])
        (HERE / "html" / f"{article['id']}.html").write_text(page, encoding="utf-8")
        text = dump(
            page,
            nested=article["template"] in (1, 4) or (article["lang"] in ("es", "fr", "de") and render is template_5),
        )
        (HERE / "text" / f"{article['id']}.txt").write_text(text, encoding="utf-8")
        body_text = "\n\n".join(p.removeprefix("## ") for p in article["paragraphs"])
        gold.append(
            {
                "id": article["id"],
                "lang": article["lang"],
                "template": HELD_OUT if article.get("held_out") else article["template"],
                "url": url_of(article),
                "title": article["title"],
                "published": article["published"],
                "body": body_text,
            }
        )
    lines = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    (HERE / "gold.jsonl").write_text(lines, encoding="utf-8")
    print(f"{len(gold)} pages written")


if __name__ == "__main__":
    main()
