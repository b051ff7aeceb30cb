# ruff: noqa: RUF001 - breadcrumbs use the single right-pointing angle quote, as sites do
"""Build the site-kinds test pages: our own fictional recipes, blog posts, forum threads and shops' news items.

Run: `python tests/data/site_kinds/build.py`. Reads pages.json (each page's text and its site's furniture), writes
html/<id>.html, text/<id>.txt (the whole page's visible text, as a text browser or a scraper saves it) and
gold.jsonl (kind, template, URL, title, body). Templates 1 and 3 are dumped the way inscriptis lays a page out
(indented lists, "* " before a bulleted item, "1. " before a numbered one), template 2 flat, the way a browser's
"save as text" gives it (numbered items keep their number, bulleted ones lose their bullet).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

HERE = Path(__file__).resolve().parent
BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "header", "footer", "nav", "main", "article", "aside", "section")
) | frozenset(("figure", "figcaption", "blockquote", "ul", "ol", "li", "form", "dl", "dt", "dd", "table", "tr"))
SKIP = frozenset(("script", "style", "head", "noscript", "img", "input", "svg"))
GAP_AFTER = frozenset(("p", "h1", "h2", "h3", "h4", "figcaption", "blockquote", "ul", "ol", "dl", "table"))
NESTED = {1: True, 2: False, 3: True}
HELD = 3  # written after the text-dump rules were tuned on templates 1 and 2

Page = dict[str, Any]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def url_of(page: Page) -> str:
    return f"https://www.{page['domain']}{page['path']}"


def head(page: Page, kind: str) -> str:
    title = esc(page["title"])
    data = {"@context": "https://schema.org", "@type": kind, "name": page["title"], "author": page["author"]}
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} - {esc(page['site'])}</title>\n"
        f'<meta property="og:title" content="{title}">\n<meta property="og:site_name" content="{esc(page["site"])}">\n'
        f'<link rel="canonical" href="{esc(url_of(page))}">\n'
        f'<script type="application/ld+json">{json.dumps(data)}</script>\n'
        "<style>body{font-family:sans-serif}</style>\n</head>\n<body>\n"
    )


def links(items: list[str], prefix: str, tag: str = "ul", cls: str = "") -> str:
    inner = "".join(f'<li><a href="/{prefix}/{i}">{esc(t)}</a></li>' for i, t in enumerate(items))
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{inner}</{tag}>"


def nav(page: Page, items: list[str]) -> str:
    return (
        f'<header class="site-header"><div class="logo"><a href="/">{esc(page["site"])}</a></div>\n'
        f'<nav class="main-nav">{links(items, "section")}</nav>\n'
        '<form class="search"><input type="search"><button>Search</button></form></header>\n'
    )


def blocks(page: Page, between: Callable[[int], str] | None = None) -> str:
    """The article's own text: paragraphs, subheadings and lists, with `between(k)` after block k."""
    out = []
    for k, (kind, value) in enumerate(page["blocks"]):
        if kind == "p":
            out.append(f"<p>{esc(value)}</p>")
        elif kind in ("h", "h3"):
            level = "h2" if kind == "h" else "h3"
            out.append(f"<{level}>{esc(value)}</{level}>")
        else:
            out.append(f"<{kind}>" + "".join(f"<li>{esc(item)}</li>" for item in value) + f"</{kind}>")
        if between:
            out.append(between(k))
    return "\n".join(out) + "\n"


def share(label: str = "Share") -> str:
    buttons = "".join(f'<li><a href="#s{i}">{b}</a></li>' for i, b in enumerate(("Facebook", "Pinterest", "Email")))
    return f'<div class="share"><span>{label}</span><ul>{buttons}</ul></div>\n'


def footer(page: Page, items: list[str]) -> str:
    return (
        f"<footer>{links(items, 'legal')}"
        f"<p>© 2026 {esc(page['site'])}. All rights reserved.</p></footer>\n</body></html>\n"
    )


def newsletter(blurb: str) -> str:
    return (
        f'<div class="newsletter"><p>{esc(blurb)}</p><form><input type="email"><button>Sign up</button></form></div>\n'
    )


# --- recipes ---


def recipe_1(p: Page) -> str:
    """Food blog: byline and rating, jump buttons, intro, a photo, the recipe card, tags, comments, sidebar."""
    comments = "".join(
        f'<li><p class="who">{esc(n)}</p><p>{esc(t)}</p><a href="#r">Reply</a></li>' for n, t in p["comments"]
    )
    return (
        head(p, "Recipe")
        + nav(p, ["Recipes", "Baking", "Soups & Stews", "Seasonal", "About"])
        + f"<main><article><h1>{esc(p['title'])}</h1>\n"
        + f'<div class="meta"><span>By <a href="/about">{esc(p["author"])}</a></span> · <time>{p["date_text"]}</time>'
        + '<p class="rating">★★★★☆ 4.6 from 212 ratings</p></div>\n'
        + '<div class="jump"><a href="#recipe">Jump to Recipe</a> <a href="#print">Print Recipe</a></div>\n'
        + share("Save this")
        + f'<figure><img src="/i/1.jpg" alt=""><figcaption>{esc(p["caption"])}</figcaption></figure>\n'
        + f'<div class="recipe-card" id="recipe">{blocks(p)}</div>\n'
        + f'<div class="tags">Filed under: {", ".join(esc(t) for t in p["tags"])}</div>\n'
        + "</article>\n"
        + f'<section class="comments"><h3>{len(p["comments"])} Comments</h3><ul>{comments}</ul>'
        + "<h3>Leave a comment</h3><form><textarea></textarea><button>Post Comment</button></form></section>\n"
        + f'</main><aside class="sidebar"><h3>Popular recipes</h3>{links(p["related"], "r")}</aside>\n'
        + newsletter("Get a new recipe in your inbox every Friday.")
        + footer(p, ["Privacy policy", "Contact", "Advertise"])
    )


def recipe_2(p: Page) -> str:
    """Magazine: cookie banner first, a recipe facts list before the intro, subgroups of ingredients, cards."""
    cards = "".join(
        f'<div class="card"><h3><a href="/r/{i}">{esc(t)}</a></h3><p>30 mins</p></div>'
        for i, t in enumerate(p["related"])
    )
    comments = "".join(
        f'<div class="comment"><p><strong>{esc(n)}</strong></p><p>{esc(t)}</p></div>' for n, t in p["comments"]
    )
    return (
        head(p, "Recipe")
        + '<div class="cookie"><p>We use cookies to improve your experience.</p><button>Accept</button></div>\n'
        + nav(p, ["Home", "Dinner", "Dessert", "Bread", "Shop"])
        + '<div class="crumbs"><a href="/">Home</a> › <a href="/dessert">Dessert</a></div>\n'
        + f"<main><article><h1>{esc(p['title'])}</h1>\n"
        + f'<p class="byline">Recipe by {esc(p["author"])}</p><p class="date">{esc(p["date_text"])}</p>\n'
        + f'<ul class="stats">{"".join(f"<li>{esc(s)}</li>" for s in p["stats"])}</ul>\n'
        + blocks(p)
        + share()
        + "</article>\n"
        + f'<section class="more"><h2>You might also like</h2>{cards}</section>\n'
        + f'<section class="comments"><h2>Comments ({len(p["comments"])})</h2>{comments}</section>\n'
        + "</main>\n"
        + footer(p, ["About us", "Privacy", "Cookie settings"])
    )


# --- blog posts ---


def _blog_comments(p: Page, heading: str) -> str:
    items = "".join(
        f'<li><p class="who">{esc(n)} says:</p><p class="when">{esc(d)}</p><p>{esc(t)}</p><a href="#r">Reply</a></li>'
        for n, d, t in p["comments"]
    )
    return f'<section class="comments"><h3>{esc(heading)}</h3><ol>{items}</ol></section>\n'


def _cloud(p: Page) -> str:
    return " ".join(f'<a href="/tag/{t}">{esc(t)}</a>' for t in p["tagcloud"])


def blog_1(p: Page) -> str:
    """WordPress-like: tagline, post with tags and share bar, comment thread, then the sidebar, then the footer."""
    return (
        head(p, "BlogPosting")
        + f'<header><h2 class="site-title"><a href="/">{esc(p["site"])}</a></h2>'
        + '<p class="tagline">Notes from the long way round</p>'
        + f"<nav>{links(['Home', 'Routes', 'Gear', 'About', 'Contact'], 'p')}</nav></header>\n"
        + f"<main><article><h1>{esc(p['title'])}</h1>\n"
        + f'<p class="posted">Posted on {p["date_text"]} by <a href="/author">{esc(p["author"])}</a></p>\n'
        + f'<div class="entry">{blocks(p)}</div>\n'
        + f'<p class="tags">Tags: {", ".join(f"<a href=/t>{esc(t)}</a>" for t in p["tags"])}</p>\n'
        + share("Share this:")
        + "</article>\n"
        + '<div class="post-nav"><a href="/prev">← Previous post</a> <a href="/next">Next post →</a></div>\n'
        + _blog_comments(p, f"{len(p['comments'])} thoughts on “{p['title']}”")
        + "<h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form>\n"
        + "</main>\n"
        + f'<aside class="sidebar"><h3>About me</h3><p>{esc(p["about"])}</p>'
        + f"<h3>Recent posts</h3>{links(p['recent'], 'post')}"
        + f"<h3>Archives</h3>{links(p['archives'], 'a')}"
        + f'<h3>Tags</h3><div class="tagcloud">{_cloud(p)}</div></aside>\n'
        + footer(p, ["Powered by a blogging tool", "Privacy"])
    )


def blog_2(p: Page) -> str:
    """Two columns, the sidebar first in the page: profile, recent posts, tag cloud; the post, its date above."""
    return (
        head(p, "BlogPosting")
        + f'<header><div class="logo"><a href="/">{esc(p["site"])}</a></div>'
        + f"<nav>{links(['Blog', 'Patterns', 'Workshops', 'Contact'], 'p')}</nav></header>\n"
        + f'<aside class="left"><div class="profile"><p>{esc(p["about"])}</p><a href="/about">Read more</a></div>'
        + f"<h4>Recent posts</h4>{links(p['recent'], 'post')}"
        + f'<h4>Tag cloud</h4><div class="tagcloud">{_cloud(p)}</div>'
        + f"<h4>Archive</h4>{links(p['archives'], 'a')}</aside>\n"
        + f'<main><article><p class="date">{p["date_text"]}</p><h1>{esc(p["title"])}</h1>\n'
        + blocks(p)
        + f'<p class="filed">Filed under: {", ".join(esc(t) for t in p["tags"])} | '
        + f'<a href="#c">{len(p["comments"])} Comments</a></p>\n'
        + "</article>\n"
        + _blog_comments(p, f"{len(p['comments'])} Comments")
        + "</main>\n"
        + newsletter("Join 2,000 readers and get new posts by email.")
        + footer(p, ["Privacy", "Imprint"])
    )


# --- forum threads ---


def _post(p: Page, name: str, date: str, body: str, first: bool, number: int) -> str:
    user = "".join(f"<li>{esc(u)}</li>" for u in p["user"]) if first else "<li>Member</li>"
    sig = f'<div class="signature">{esc(p["signature"])}</div>' if first and p["signature"] else ""
    return (
        f'<div class="post"><div class="user"><p class="name"><a href="/u">{esc(name)}</a></p><ul>{user}</ul></div>'
        f'<div class="post-main"><p class="posted">{esc(date)} <a href="#p{number}">#{number}</a></p>'
        f'<div class="post-body">{body}</div>{sig}'
        '<div class="actions"><a href="#l">Like</a> <a href="#q">Quote</a> <a href="#r">Reply</a></div></div></div>\n'
    )


def forum_1(p: Page) -> str:
    """Forum software with user panels: breadcrumbs, thread title, posts with a user box each, similar threads."""
    posts = _post(p, p["author"], p["date_text"], blocks(p), True, 1)
    for k, (name, date, text) in enumerate(p["replies"], start=2):
        posts += _post(p, name, date, f"<p>{esc(text)}</p>", False, k)
    return (
        head(p, "DiscussionForumPosting")
        + nav(p, ["Forums", "What's new", "Members", "Log in", "Register"])
        + f'<div class="crumbs"><a href="/">Forums</a> › <a href="/f">{esc(p["section"])}</a></div>\n'
        + f"<main><h1>{esc(p['title'])}</h1>\n"
        + f'<p class="thread-meta">Thread starter {esc(p["author"])} · Start date {p["date_text"]}</p>\n'
        + posts
        + '<div class="reply-box"><p>You must log in or register to reply here.</p></div>\n'
        + f'<section class="similar"><h3>Similar threads</h3>{links(p["similar"], "t")}</section>\n'
        + "</main>\n"
        + footer(p, ["Contact us", "Terms and rules", "Privacy policy", "Help"])
    )


def forum_2(p: Page) -> str:
    """Bulletin board: a topic title, one line of post info above each post, replies, who is online."""

    def post(name: str, date: str, body: str) -> str:
        return (
            f'<div class="postbody"><h3 class="first"><a href="#p">Re: {esc(p["title"])}</a></h3>'
            f'<p class="author">by <strong>{esc(name)}</strong> » {esc(date)}</p>'
            f'<div class="content">{body}</div></div>\n'
        )

    first = (
        f'<div class="postbody"><h3 class="first"><a href="#p">{esc(p["title"])}</a></h3>'
        f'<p class="author">by <strong>{esc(p["author"])}</strong> » {esc(p["date_text"])}</p>'
        f'<div class="content">{blocks(p)}</div></div>\n'
    )
    replies = "".join(post(n, d, f"{esc(t)}") for n, d, t in p["replies"])
    return (
        head(p, "DiscussionForumPosting")
        + nav(p, ["Board index", "FAQ", "Members", "Login", "Register"])
        + f'<div class="crumbs">Board index › {esc(p["section"])}</div>\n'
        + f'<main><h2 class="topic-title"><a href="/t">{esc(p["title"])}</a></h2>\n'
        + '<div class="action-bar"><a href="/post">Post Reply</a> '
        + f"<span>{1 + len(p['replies'])} posts • Page 1 of 1</span></div>\n"
        + first
        + replies
        + f'<section class="similar"><h3>Similar topics</h3>{links(p["similar"], "t")}</section>\n'
        + '<div class="online"><h3>Who is online</h3>'
        + "<p>Users browsing this forum: No registered users and 4 guests</p></div>\n"
        + "</main>\n"
        + footer(p, ["The team", "Delete cookies", "All times are UTC"])
    )


# --- shops' news pages ---


def _product(name: str, price: str) -> str:
    return (
        f'<div class="product"><h4><a href="/p">{esc(name)}</a></h4>'
        f'<p class="price">{esc(price)}</p><button>Add to basket</button></div>'
    )


def shop_1(p: Page) -> str:
    """Shop news: a promo bar, shop menu, a product box set between paragraphs, a product grid, more news."""
    products = p["products"]

    def between(k: int) -> str:
        return (
            f'<aside class="shop-the-story"><h4>Shop the story</h4>{_product(*products[0])}</aside>' if k == 1 else ""
        )

    grid = "".join(_product(*x) for x in products[1:])
    return (
        head(p, "NewsArticle")
        + '<div class="promo"><p>Free delivery on orders over £60</p></div>\n'
        + nav(p, ["Men", "Women", "Tents", "Packs", "Sale", "News", "Basket (0)"])
        + '<div class="crumbs"><a href="/">Home</a> › <a href="/news">News</a></div>\n'
        + f"<main><article><h1>{esc(p['title'])}</h1>\n"
        + f'<p class="date">{p["date_text"]} · {esc(p["author"])}</p>\n'
        + blocks(p, between)
        + share()
        + "</article>\n"
        + f'<section class="products"><h2>Bestsellers</h2>{grid}</section>\n'
        + f'<section class="more-news"><h2>More news</h2>{links(p["related"], "news")}</section>\n'
        + "</main>\n"
        + newsletter("Sign up for 10% off your first order.")
        + footer(p, ["Delivery", "Returns", "Store finder", "Careers"])
    )


def shop_2(p: Page) -> str:
    """Press page: a side list of other releases, a product carousel above the release, media contact after it."""
    carousel = "".join(_product(*x) for x in p["products"])
    return (
        head(p, "NewsArticle")
        + nav(p, ["Headphones", "Speakers", "Accessories", "Support", "Press"])
        + f'<section class="carousel"><h2>New in</h2>{carousel}</section>\n'
        + f'<aside class="releases"><h3>Press releases</h3>{links(p["related"], "press")}</aside>\n'
        + f'<main><article><p class="kicker">Press release</p><h1>{esc(p["title"])}</h1>\n'
        + f'<p class="date">{p["date_text"]}</p>\n'
        + blocks(p)
        + '<div class="contact"><h4>Media contact</h4><p>press@fennickaudio.example</p></div>\n'
        + '<p><a href="/press/kit">Download press kit (ZIP)</a></p>\n'
        + "</article></main>\n"
        + footer(p, ["Warranty", "Recall information", "Privacy", "Imprint"])
    )


# --- held: template 3 of each kind, written after the text-dump rules were tuned on templates 1 and 2 ---


def recipe_3(p: Page) -> str:
    """Recipe site: a print bar, the intro beside a photo grid, the card with a nutrition table, reviews."""
    reviews = "".join(
        f'<div class="review"><p>★★★★★ <strong>{esc(n)}</strong></p><p>{esc(t)}</p></div>' for n, t in p["comments"]
    )
    return (
        head(p, "Recipe")
        + '<div class="topbar"><a href="/login">Sign in</a> <a href="/saved">Saved recipes (0)</a></div>\n'
        + nav(p, ["Quick dinners", "Fish", "Vegetarian", "Meal plans", "Videos"])
        + f'<main><h1>{esc(p["title"])}</h1><p class="author">By {esc(p["author"])} | {esc(p["date_text"])}</p>\n'
        + '<div class="tools"><a href="#print">Print</a> <a href="#save">Save</a> <a href="#rate">Rate</a></div>\n'
        + f'<div class="intro">{"".join(f"<p>{esc(v)}</p>" for k, v in p["blocks"][:2])}</div>\n'
        + '<div class="facts"><dl><dt>Serves</dt><dd>6</dd><dt>Total time</dt><dd>1 hr 10 min</dd></dl></div>\n'
        + f'<div class="card">{blocks({**p, "blocks": p["blocks"][2:]})}'
        + "<table><tr><td>Calories</td><td>520</td></tr><tr><td>Protein</td><td>38 g</td></tr></table></div>\n"
        + f'<section class="reviews"><h2>Reviews ({len(p["comments"])})</h2>{reviews}</section>\n'
        + f'<section class="more"><h2>More fish recipes</h2>{links(p["related"], "r", "ol")}</section>\n'
        + "</main>\n"
        + footer(p, ["About", "Terms", "Privacy", "Do not sell my data"])
    )


def blog_3(p: Page) -> str:
    """Personal site: sidebar first with a search box and categories, the post, social links, threaded comments."""
    comments = "".join(
        f'<article class="comment"><footer><b>{esc(n)}</b> <time>{esc(d)}</time></footer><p>{esc(t)}</p></article>'
        for n, d, t in p["comments"]
    )
    return (
        head(p, "BlogPosting")
        + f'<header><h1 class="site"><a href="/">{esc(p["site"])}</a></h1></header>\n'
        + '<aside><form><input type="search"><button>Go</button></form><h2>Categories</h2>'
        + f"{links(['Balcony', 'Compost', 'Seeds', 'Tools'], 'c')}<h2>Tags</h2><p>{_cloud(p)}</p></aside>\n"
        + f'<main><article><h2 class="post-title">{esc(p["title"])}</h2>\n'
        + f'<p class="meta">{esc(p["date_text"])} · {esc(p["author"])} · 6 min read</p>\n'
        + blocks(p)
        + f"<p>Posted in {', '.join(esc(t) for t in p['tags'])}</p>\n"
        + '<p class="social">Follow us on Instagram · Mastodon · RSS</p>\n'
        + "</article>\n"
        + f'<section id="comments"><h3>Comments</h3>{comments}</section>\n'
        + f'<div class="about"><h3>About</h3><p>{esc(p["about"])}</p></div>\n'
        + "</main>\n"
        + footer(p, ["Contact", "Privacy"])
    )


def forum_3(p: Page) -> str:
    """Discussion board: a category chip, the first post, a reply count, the replies, suggested topics."""

    def post(name: str, date: str, body: str) -> str:
        return (
            f'<div class="topic-post"><div class="names"><a href="/u">{esc(name)}</a></div>'
            f'<div class="post-date">{esc(date)}</div><div class="cooked">{body}</div>'
            '<div class="post-controls"><button>Like</button><button>Share</button><button>Reply</button></div></div>\n'
        )

    replies = "".join(post(n, d, f"<p>{esc(t)}</p>") for n, d, t in p["replies"])
    return (
        head(p, "DiscussionForumPosting")
        + nav(p, ["Latest", "Categories", "Top", "Sign Up", "Log In"])
        + f'<main><h1>{esc(p["title"])}</h1><p class="category"><a href="/c">{esc(p["section"])}</a></p>\n'
        + post(p["author"], p["date_text"], blocks(p))
        + f'<div class="topic-map"><p>{len(p["replies"])} replies · 214 views · 3 users</p></div>\n'
        + replies
        + f'<section class="suggested"><h3>Suggested Topics</h3>{links(p["similar"], "t")}</section>\n'
        + "</main>\n"
        + footer(p, ["Terms of Service", "Privacy Policy"])
    )


def shop_3(p: Page) -> str:
    """Shop journal: a basket bar, two product cards before the item, a journal list and cards after it."""
    before = "".join(_product(*x) for x in p["products"][:2])
    after = "".join(_product(*x) for x in p["products"][2:])
    return (
        head(p, "NewsArticle")
        + '<div class="bar"><a href="/account">Account</a> <a href="/basket">Basket: £0.00</a></div>\n'
        + nav(p, ["Black tea", "Green tea", "Herbal", "Gifts", "Journal"])
        + f'<section class="featured"><h3>Featured teas</h3>{before}</section>\n'
        + f'<main><article><p class="section">Journal</p><h1>{esc(p["title"])}</h1>\n'
        + f'<p class="meta">Posted by {esc(p["author"])} on {esc(p["date_text"])}</p>\n'
        + blocks(p)
        + share("Share this story")
        + "</article>\n"
        + f'<section class="journal"><h3>From the journal</h3>{links(p["related"], "j")}</section>\n'
        + f'<section class="more"><h3>You may also like</h3>{after}</section>\n'
        + "</main>\n"
        + newsletter("Join our tea club for early access to new harvests.")
        + footer(p, ["Shipping", "Returns", "Wholesale", "Contact"])
    )


TEMPLATES: dict[tuple[str, int], Callable[[Page], str]] = {
    ("recipe", 1): recipe_1,
    ("recipe", 2): recipe_2,
    ("blog", 1): blog_1,
    ("blog", 2): blog_2,
    ("forum", 1): forum_1,
    ("forum", 2): forum_2,
    ("shop", 1): shop_1,
    ("shop", 2): shop_2,
    ("recipe", 3): recipe_3,
    ("blog", 3): blog_3,
    ("forum", 3): forum_3,
    ("shop", 3): shop_3,
}


def dump(page: str, nested: bool) -> str:
    """The page's visible text: one line per block; `nested` indents lists and marks their items."""
    lines: list[str] = []
    current: list[str] = []
    marker: list[str] = []  # a list item's bullet or number, waiting for the item's first line

    def flush(indent: int) -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(" " * indent + "".join(marker) + text)
            marker.clear()
        current.clear()

    def walk(node: Any, indent: int, number: int | None) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP:
            if node.tail:
                current.append(node.tail)
            return
        block = tag in BLOCKS
        if block:
            flush(indent)
        inner = indent + 2 if nested and tag in ("ul", "ol") else indent
        if tag == "li" and number is not None:
            marker[:] = [f"{number}. "]
        elif tag == "li" and nested:
            marker[:] = ["* "]
        if node.text:
            current.append(node.text)
        count = 0
        for child in node:
            count += child.tag == "li"
            walk(child, inner, count if tag == "ol" else None)
        if block:
            flush(indent)
            if tag in GAP_AFTER and lines and lines[-1] != "":
                lines.append("")
        if node.tail:
            current.append(node.tail if not block else node.tail.strip())

    walk(lxml_html.document_fromstring(page).body, 0, None)
    flush(0)
    return "\n".join(lines).strip() + "\n"


def gold_body(page: Page) -> str:
    """What an editor calls the article: its paragraphs, subheadings and list items, in order."""
    parts: list[str] = []
    for _kind, value in page["blocks"]:
        parts.extend(value if isinstance(value, list) else [value])
    return "\n\n".join(parts)


def main() -> None:
    pages = json.loads((HERE / "pages.json").read_text(encoding="utf-8"))
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / "text").mkdir(exist_ok=True)
    gold = []
    for page in pages:
        render = TEMPLATES.get((page["kind"], page["template"]))
        if render is None:
            continue
        markup = render(page)
        (HERE / "html" / f"{page['id']}.html").write_text(markup, encoding="utf-8")
        (HERE / "text" / f"{page['id']}.txt").write_text(dump(markup, NESTED[page["template"]]), encoding="utf-8")
        gold.append(
            {
                "id": page["id"],
                "kind": page["kind"],
                "template": page["template"],
                "held": page["template"] == HELD,
                "url": url_of(page),
                "title": page["title"],
                "body": gold_body(page),
            }
        )
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    print(f"{len(gold)} pages written")


if __name__ == "__main__":
    main()
