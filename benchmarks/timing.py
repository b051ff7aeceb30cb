"""CPU time per item for several tools, measured in alternating passes, so that a noisy shared machine slows
every tool alike: tool A, tool B, ..., then again in another order, and the median pass of each is kept.

Wall-clock single passes put ManySides against trafilatura at 1.26 one run and 0.74 the next; alternating CPU
passes give the same ratio run after run. Every timed comparison in `make bench` goes through here.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

PASSES = 3


def alternating_cpu(tools: dict[str, Callable[[], object]], items: int, passes: int = PASSES) -> dict[str, float]:
    """CPU seconds per item of each tool: each call of a tool handles `items` items; the tools run in turn,
    `passes` times, with the order rotated each pass, after one untimed warm-up call each."""
    names = list(tools)
    for name in names:
        tools[name]()
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for k in range(passes):
        for name in names[k % len(names) :] + names[: k % len(names)]:
            started = time.process_time()
            tools[name]()
            seconds[name].append(time.process_time() - started)
    return {name: statistics.median(values) / max(items, 1) for name, values in seconds.items()}


def ratio_line(times: dict[str, float], ours: str, reference: str) -> str:
    """One line: our CPU time per item against the reference's, measured in the same run."""
    return (
        f"CPU per item, median of {PASSES} alternating passes: {ours} {times[ours] * 1000:.2f} ms, "
        f"{reference} {times[reference] * 1000:.2f} ms, ratio {times[ours] / max(times[reference], 1e-12):.2f}"
    )


def extractor_times(
    extractors: dict[str, Callable[[str, str], str]], inputs: list[tuple[str, str]], ours: str, reference: str
) -> str:
    """The CPU table of several extractors over the same (content, url) inputs, with our ratio to the reference."""
    times = alternating_cpu(
        {name: (lambda e=extract: [e(text, url) for text, url in inputs]) for name, extract in extractors.items()},
        len(inputs),
    )
    width = max(map(len, times))
    lines = [f"CPU ms/page over {len(inputs)} pages, median of {PASSES} alternating passes:"]
    lines += [f"{name:{width}s} {seconds * 1000:8.2f}" for name, seconds in times.items()]
    return "\n".join([*lines, ratio_line(times, ours, reference)])
