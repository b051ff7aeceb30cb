"""Extraction: the article body and its metadata out of any page."""

from manysides.extract.article import extract_page

__all__ = ["extract_page"]
