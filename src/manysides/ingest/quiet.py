"""Keep the libraries we read pages with from talking to the user's terminal.

Every problem with an input is reported as one `error:` or `warning:` line of ours. The libraries under us
(warcio, feedparser, trafilatura, htmldate, charset_normalizer, ...) log warnings of their own about the very
same pages, and Python prints any logging record that finds no handler, and any `warnings.warn`, to stderr.
warcio also writes to sys.stderr directly; ingest/warc.py silences that around its reads.
"""

from __future__ import annotations

import logging
import warnings


def quiet_libraries() -> None:
    """Send library logging and Python warnings nowhere; safe to call more than once."""
    root = logging.getLogger()
    if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
        # A handler on the root logger means a record never falls through to Python's stderr "last resort"
        # handler, and a library's own logging.basicConfig() call finds the root configured and does nothing.
        root.addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
