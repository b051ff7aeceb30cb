"""Start-up stays cheap: the cheap commands (`--help`, `--version`, `COMMAND --help`) never load the heavy libraries.

Each case runs in a fresh interpreter, so what an earlier test imported can't hide an import. It checks which
modules got loaded, not how long that took: timings belong in benchmarks, not in tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "trafilatura", "spacy", "httpx", "numpy", "lxml", "manysides.jobs")

PROBE = """
import json, sys
from manysides.cli import app
args = json.loads(sys.argv[1])
code = 0
if args is not None:
    try:
        app(args, prog_name="manysides")
    except SystemExit as stop:
        code = stop.code or 0
heavy = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
sys.stderr.write(json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def _loaded(args: list[str] | None) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert _loaded(None)["heavy"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["ingest", "--help"],
        ["extract", "--help"],
        ["compare", "--help"],
        ["story", "--help"],
        ["serve", "--help"],
        ["watch", "--help"],
        ["sources", "--help"],
        ["sources", "enable", "--help"],
        ["outlets", "load", "--help"],
    ],
)
def test_cheap_commands_load_no_heavy_library(args: list[str]) -> None:
    result = _loaded(args)
    assert result == {"code": 0, "heavy": []}
