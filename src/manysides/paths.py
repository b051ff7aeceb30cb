"""Checks on files the user names for writing (reports, databases), made before any work starts, and bounded
reads of the small settings files the user writes.

A comparison can take minutes; finding only at the end that its report cannot be written wastes all of it.
Each check returns the problem as a short phrase for an `error: <option> <path>: <problem>` line, or None.
"""

from __future__ import annotations

import os
from pathlib import Path

from manysides.errors import InputError


def output_file_problem(path: Path) -> str | None:
    """Why a file could not be written at `path`, or None when it can (an existing file is replaced)."""
    if path.is_dir():
        return "is a folder; give a file name"
    folder = path.parent
    if not folder.exists():
        return f"folder {folder} does not exist (create it first)"
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if path.exists():
        if not _writable(path):
            return "file is not writable"
    elif not _writable(folder, search=True):
        return f"folder {folder} is not writable"
    return None


def database_file_problem(path: Path, create: bool) -> str | None:
    """Why a SQLite file could not be used at `path`, or None; only a command that stores may create it.

    Reading commands never create a database: an empty one made by a typo would only hide the typo.
    Creating one never creates its folders either, for the same reason.
    """
    if path.is_dir():
        return "is a folder, not a database file"
    if path.exists():
        return None
    if not create:
        return f"no database there (run `manysides ingest ... --db {path}` first)"
    return output_file_problem(path)


def _writable(path: Path, search: bool = False) -> bool:
    mode = os.W_OK | (os.X_OK if search else 0)
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def read_settings_file(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a small file the user wrote (sources, outlet profiles); InputError with one line if it is
    missing, unreadable or bigger than `max_bytes` (a settings file that large is the wrong file)."""
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(str(path), f"{what} is over {max_bytes // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
