"""Shared fixtures: the real evaluation data beside the repo (`../shared`).

When `../shared` is absent, tests that need it skip with a clear reason; under CI=true they fail,
because CI always has it and a silent skip there would hide a broken path.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MANYSIDES_SHARED", REPO.parent / "shared"))
DEMO = REPO / "examples" / "demo"


def _need(path: Path) -> Path:
    if not path.exists():
        reason = f"{path} is missing: the real evaluation data must sit beside the repo as ../shared"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SHARED / "seeds")


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    return _need(SHARED / "datasets")


@pytest.fixture(scope="session")
def extraction_dir(datasets_dir: Path) -> Path:
    return _need(datasets_dir / "article-extraction")


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO
