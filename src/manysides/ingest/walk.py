"""Folder walks and glob patterns that stay where the user pointed and name each file once.

A folder may hold symbolic links to anywhere (a home folder, /etc) and links that loop back into it. Walked
blindly, the first reads files the user never gave, the second reads the same files over and over (two
links back up the tree make a `**` glob walk 2^depth paths). So, unless the user asks to follow links, a
folder walk takes no file whose real place is outside the folder, and neither a walk nor `**` enters a
linked folder (as bash's `globstar` does). When following, each real folder is entered once. Either way a
file reached by two paths is named once, under the first path in sorted order. Hidden files and folders
are left out, as the shell and Python's glob leave them out.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Walk:
    """The files a walk or glob kept, and how many links out of its folder it did not follow."""

    files: list[str]
    links_out: int


def walk_folder(root: Path, keep: Callable[[Path], bool], follow_symlinks: bool = False) -> Walk:
    """Every file below `root` that `keep` accepts, sorted; see the module note for links and loops."""
    inside = os.path.realpath(root)
    found: list[tuple[Path, str]] = []
    links_out = 0
    for folder, subfolders, names in _folders(str(root), follow_symlinks):
        if not follow_symlinks:
            links_out += sum(_links_out_of(os.path.join(folder, name), inside) for name in subfolders)
        real_folder = os.path.realpath(folder)
        for name in names:
            path = os.path.join(folder, name)
            real = _real_path(path, real_folder)
            if not follow_symlinks and not _is_within(real, inside):
                links_out += 1
            elif keep(Path(path)):
                found.append((Path(path), real))
    return Walk([str(path) for path in _once_each(found)], links_out)


def expand_glob(pattern: str, follow_symlinks: bool = False) -> Walk:
    """The files a glob pattern names (`**` = any folders below), sorted, each real file once.

    The pattern's folder is its leading part without wildcards (`news/2025` in `news/2025/**/*.html`); as
    with a folder walk, files whose real place is outside it are left out unless links are followed.
    """
    pattern = os.path.expanduser(pattern)
    absolute = pattern.startswith(os.sep)
    parts = pattern.split(os.sep)[1:] if absolute else pattern.split(os.sep)
    bases = [os.sep] if absolute else [""]
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        bases = list(dict.fromkeys(_expand_part(bases, part, last, follow_symlinks)))
    inside = os.path.realpath(_fixed_folder(parts, absolute))
    found: list[tuple[Path, str]] = []
    links_out = 0
    real_folders: dict[str, str] = {}
    for path in bases:
        if not path or not os.path.isfile(path):
            continue
        folder = os.path.dirname(path) or os.curdir
        if folder not in real_folders:
            real_folders[folder] = os.path.realpath(folder)
        real = _real_path(path, real_folders[folder])
        if not follow_symlinks and not _is_within(real, inside):
            links_out += 1
        else:
            found.append((Path(path), real))
    return Walk([str(path) for path in _once_each(found)], links_out)


def has_glob_chars(text: str) -> bool:
    return bool(GLOB_CHARS & set(text))


def _expand_part(bases: list[str], part: str, last: bool, follow_symlinks: bool) -> Iterator[str]:
    for base in bases:
        if part == "**":
            for folder, _subfolders, names in _folders(base or os.curdir, follow_symlinks):
                folder = _relative_to_start(folder, base)
                yield folder
                if last:  # a final `**` names the files too, as Python's glob does
                    yield from (os.path.join(folder, name) for name in names)
        elif GLOB_CHARS & set(part):
            yield from (os.path.join(base, name) for name in _matching_names(base or os.curdir, part))
        elif part:
            yield os.path.join(base, part)
        else:  # `a//b` or a trailing slash
            yield base


def _fixed_folder(parts: list[str], absolute: bool) -> str:
    """The folders a pattern names before its first wildcard: where its walk starts."""
    fixed: list[str] = []
    for part in parts[:-1]:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return os.path.join(os.sep if absolute else os.curdir, *fixed)


def _relative_to_start(folder: str, base: str) -> str:
    """`os.walk(".")` names folders `./x`; a relative pattern's matches keep the form the user typed."""
    if base:
        return folder
    return "" if folder == os.curdir else os.path.relpath(folder, os.curdir)


def _matching_names(folder: str, part: str) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:  # not a folder, or unreadable: it matches nothing, as in the shell
        return []
    show_hidden = part.startswith(".")
    return sorted(n for n in names if (show_hidden or not n.startswith(".")) and fnmatch.fnmatch(n, part))


def _folders(top: str, follow_symlinks: bool) -> Iterator[tuple[str, list[str], list[str]]]:
    """Each folder at or below `top` once, with its visible subfolders and files (links included)."""
    visited = {os.path.realpath(top)}
    for folder, subfolders, names in os.walk(top, followlinks=follow_symlinks):
        kept = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            if follow_symlinks:  # without following, os.walk enters no linked folder, so there is no loop
                real = os.path.realpath(os.path.join(folder, name))
                if real in visited:  # a loop, or a second link to a folder already walked
                    continue
                visited.add(real)
            kept.append(name)
        subfolders[:] = kept  # os.walk descends only into what is left here
        yield folder, kept, sorted(n for n in names if not n.startswith("."))


def _real_path(path: str, real_folder: str) -> str:
    """Where `path` really is; only a link needs resolving, which saves a system call per folder level."""
    return os.path.realpath(path) if os.path.islink(path) else os.path.join(real_folder, os.path.basename(path))


def _links_out_of(path: str, inside: str) -> bool:
    """A link to a folder elsewhere: a walk that stays inside does not enter it."""
    return os.path.islink(path) and not _is_within(os.path.realpath(path), inside)


def _is_within(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


def _once_each(found: list[tuple[Path, str]]) -> Iterator[Path]:
    """The paths in sorted order, skipping any whose real file came earlier."""
    seen: set[str] = set()
    for path, real in sorted(found):
        if real not in seen:
            seen.add(real)
            yield path
