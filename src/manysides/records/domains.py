"""Domains as profiles name them and as article URLs carry them, brought to one form so they can be looked up."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,62})$")


def normal_domain(text: str) -> str | None:
    """`https://www.Example.com/x` or `Example.com.` -> `example.com`; None when it is not a host name."""
    text = text.strip().lower()
    if "://" in text:
        text = urlsplit(text).hostname or ""
    text = text.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    try:
        text = text.encode("idna").decode("ascii") if not text.isascii() else text
    except UnicodeError:
        return None
    text = text.removeprefix("www.")
    labels = text.split(".")
    if len(text) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    return text


def url_domain(url: str | None) -> str | None:
    """The domain of an http(s) URL, or None (paths, names and other schemes have none)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        return normal_domain(url)
    except ValueError:
        return None


def candidates(domain: str) -> list[str]:
    """The domain and each parent holding a dot: `news.bbc.co.uk` is looked up as itself, `bbc.co.uk`, `co.uk`."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]
