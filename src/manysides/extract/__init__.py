"""Extraction: the article body and its metadata out of any page."""

from manysides.extract.article import extract_page, extract_with_warnings

__all__ = ["extract_page", "extract_with_warnings"]
