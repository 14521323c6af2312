"""The YAML files of data/, read again whenever one changes on disk (so `mkdocs serve` sees edits)."""
from __future__ import annotations

from . import DATA
from .yaml_load import safe_load

_loaded: dict[str, tuple[int, object]] = {}


def load(name: str):
    """data/<name>, parsed; re-read when the file's modification time changes."""
    path = DATA / name
    mtime = path.stat().st_mtime_ns
    hit = _loaded.get(name)
    if hit is None or hit[0] != mtime:
        hit = _loaded[name] = (mtime, safe_load(path.read_text(encoding="utf-8")))
    return hit[1]
