"""The booklet cache: .cache/booklets/<sha256>.pdf (+ -a4.pdf, -letter.pdf, .json).

The key is the sha256 of everything that decides the output: the exact HTML given to
WeasyPrint (which already holds the booklet source, the module's key messages, labels, page
size, site_url for the QR code and links, revision and edition date), the stylesheet, the font
files, every image, our code, and the WeasyPrint and pikepdf versions. Same key, same PDF: a
booklet whose inputs did not change is copied, not rendered.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
KEEP_DAYS = 14  # entries unused for longer are deleted after a build
MAX_BYTES = 60_000_000  # and the least recently used go first when the folder grows past this


@lru_cache(maxsize=256)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_digest(path: Path) -> str:
    st = path.stat()
    return _file_digest(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=1)
def _python_digest() -> str:
    """Our code as loaded by this process: a change to how booklets are made re-renders them."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def code_digest() -> str:
    """The code (as loaded), the stylesheet and the templates (as on disk now, re-read on every build)."""
    h = hashlib.sha256(_python_digest().encode())
    from .render import FONTS_CSS

    for path in [*sorted(PACKAGE.glob("*.css")), *sorted((PACKAGE / "templates").iterdir()), FONTS_CSS]:
        h.update(path.name.encode() + b"\0" + file_digest(path).encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> str:
    from importlib.metadata import version  # without importing WeasyPrint: warm builds stay fast
    return f"weasyprint {version('weasyprint')}; pikepdf {version('pikepdf')}"


def key(html: str, files: list[Path], options: str) -> str:
    h = hashlib.sha256()
    for part in (code_digest(), library_versions(), options, html):
        h.update(part.encode("utf-8") + b"\0")
    for path in sorted(set(files)):
        h.update(path.name.encode() + b"\0" + file_digest(path).encode() + b"\0")
    return h.hexdigest()


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def pdf(self, digest: str) -> Path:
        return self.folder / f"{digest}.pdf"

    def imposed(self, digest: str, sheet: str) -> Path:
        return self.folder / f"{digest}-{sheet}.pdf"

    def meta_path(self, digest: str) -> Path:
        return self.folder / f"{digest}.json"

    def get(self, digest: str, sheets: tuple[str, ...]) -> dict | None:
        """The entry's metadata when the PDF and every imposed version are there."""
        meta = self.meta_path(digest)
        paths = [self.pdf(digest), *(self.imposed(digest, s) for s in sheets)]
        if not meta.is_file() or not all(p.is_file() for p in paths):
            return None
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except ValueError:
            return None
        now = time.time()
        for p in [meta, *paths]:
            os.utime(p, (now, now))  # recently used: kept by prune()
        return data

    def put(self, digest: str, data: dict) -> None:
        tmp = self.meta_path(digest).with_suffix(f".json.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.meta_path(digest))

    def prune(self, keep: set[str]) -> int:
        """Delete entries not used in this build that are untouched for KEEP_DAYS days, or the
        least recently used ones while the folder is over MAX_BYTES (test builds on random ports
        make new entries every time)."""
        now = time.time()
        entries: dict[str, list] = {}  # digest -> [newest mtime, bytes, paths]
        for path in self.folder.iterdir():
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            if path.name.endswith(".tmp"):
                if st.st_mtime < now - 3600:  # left by a crashed render
                    path.unlink(missing_ok=True)
                continue
            digest = path.name.split(".")[0].split("-")[0]
            e = entries.setdefault(digest, [0.0, 0, []])
            e[0], e[1] = max(e[0], st.st_mtime), e[1] + st.st_size
            e[2].append(path)
        total = sum(e[1] for e in entries.values())
        removed = 0
        for digest, (mtime, size, paths) in sorted(entries.items(), key=lambda kv: kv[1][0]):
            if digest in keep or (mtime > now - KEEP_DAYS * 86400 and total <= MAX_BYTES):
                continue
            for path in paths:
                path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed
