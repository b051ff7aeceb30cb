"""When to poll a source next: an interval learned from how often it publishes, and a backoff by failure kind.

Learning: with three or more dated entries, the interval is half the median gap between the newest of them (so
a new article waits at most about half a publishing gap), kept within the source's bounds; without dates, a
poll that found something new shortens it by a quarter and one that found nothing lengthens it by half.

Failures are weighed by kind: a timeout, a refused connection, 429 or 5xx is likely passing (weight 1); a 4xx,
an answer that is no feed or page, a refusal by robots.txt or the address guard, or a redirect loop needs a
person (weight 3). The wait doubles with each failure in a row (from the interval, at most a day); a source whose
failures since its last success weigh DISABLE_AT is disabled with the last reason.
"""

from __future__ import annotations

import re
import statistics
from datetime import datetime, timedelta
from itertools import pairwise

from manysides.errors import InputError
from manysides.ingest.fetch import StatusError

DISABLE_AT = 9.0  # nine passing failures in a row, or three that need a person
MAX_BACKOFF = 86400
_LEARN_FROM = 20  # newest dated entries considered
_TRANSIENT_WORDS = ("timed out", "could not connect", "network error", "closed the connection", "unreachable")
_TRANSIENT_STATUS = re.compile(r"\bHTTP (?:429|5\d\d)\b")


def failure_weight(error: InputError) -> float:
    """How much one failure counts towards disabling its source."""
    if isinstance(error, StatusError):
        return 1.0 if error.status == 429 or error.status >= 500 else 3.0
    problem = error.problem.lower()
    passing = any(word in problem for word in _TRANSIENT_WORDS) or _TRANSIENT_STATUS.search(error.problem)
    return 1.0 if passing else 3.0


def is_passing(error: InputError) -> bool:
    """A failure worth trying again soon (the entry stays unseen), rather than one to remember."""
    return failure_weight(error) < 3.0


def backoff(interval: int, failures: int) -> int:
    """Seconds to wait after the `failures`-th failure in a row."""
    return int(min(MAX_BACKOFF, max(interval, 60) * 2 ** max(0, failures - 1)))


def learned_interval(
    current: int, low: int, high: int, published: list[datetime], found_new: bool, now: datetime
) -> int:
    """The next poll interval, from the entries' publication times (naive UTC) when there are enough."""
    dated = sorted((p for p in published if p <= now + timedelta(days=1)), reverse=True)[:_LEARN_FROM]
    if len(dated) >= 3:
        gaps = [(a - b).total_seconds() for a, b in pairwise(dated)]
        gaps = [g for g in gaps if g > 0] or [float(high)]
        target = statistics.median(gaps) / 2
        quiet = (now - dated[0]).total_seconds() / 2  # a source that stopped publishing is polled less
        target = max(target, min(quiet, float(high)))
    else:
        target = current * (0.75 if found_new else 1.5)
    return int(max(low, min(high, target)))
