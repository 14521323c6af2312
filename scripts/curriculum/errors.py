"""One error type for every source problem: file, line or field, and the fix."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceError:
    path: str  # relative to the project root, e.g. docs/en/modules/02-human-rights.md
    line: int | None
    message: str  # what is wrong and how to fix it
    related: tuple[str, ...] = ()  # other files the problem is about (a translation, a booklet)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def concerns(self, wanted: list[str]) -> bool:
        """Whether the problem is in, or about, one of these files or folders (project-relative)."""
        return any(p == w or p.startswith(w.rstrip("/") + "/") for p in (self.path, *self.related) for w in wanted)


def unique(errors: list[SourceError]) -> list[SourceError]:
    """The errors in order, each message once."""
    seen, out = set(), []
    for e in errors:
        if str(e) not in seen:
            seen.add(str(e))
            out.append(e)
    return out


def report(errors: list[SourceError]) -> str:
    head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the Markdown sources:"
    return "\n".join([head, *(f"  - {e}" for e in errors)])


def relative(path, root) -> str:
    """How messages name a file: relative to the project root when it lies inside it."""
    return _relative(str(path), str(root), os.getcwd())


@functools.lru_cache(maxsize=4096)  # asked some 800 times per build, of the same few hundred files
def _relative(path: str, root: str, cwd: str) -> str:  # cwd: a relative path resolves against it
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
