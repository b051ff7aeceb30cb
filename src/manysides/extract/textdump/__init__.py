"""Article extraction from the plain text of a whole web page (a text-browser or inscriptis dump)."""

from manysides.extract.textdump.extract import extract_text_dump

__all__ = ["extract_text_dump"]
