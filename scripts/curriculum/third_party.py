"""No Markdown page, template, stylesheet or script of ours loads anything from another host:
a <script src="https://…">, a remote image, stylesheet, font or frame is reported with its line."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import SourceError, relative

REMOTE = r"""(?:https?:)?//[^\s"'()>]+"""
LOADERS = [
    re.compile(rf"""<(script|img|iframe|source|audio|video|embed|track)\b[^>]*?\b(?:src|data)\s*=\s*["']?({REMOTE})""", re.I),
    re.compile(rf"""<(link)\b[^>]*?\bhref\s*=\s*["']?({REMOTE})[^>]*>""", re.I),
    re.compile(rf"""(!)\[[^\]]*\]\(\s*<?({REMOTE})"""),  # Markdown image
    re.compile(rf"""(@import)\s+(?:url\()?\s*["']?({REMOTE})""", re.I),
    re.compile(rf"""(url)\(\s*["']?({REMOTE})""", re.I),
    re.compile(rf"""\b(import|fetch|importScripts)\s*\(?\s*["']({REMOTE})""")
]
RELATIONS = re.compile(r"""rel\s*=\s*["']?(canonical|alternate|license|author|me)\b""", re.I)
SUFFIXES = {".md", ".html", ".css", ".js", ".yml", ".yaml"}


def check_file(path: Path, root: Path) -> list[SourceError]:
    errors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        seen = set()
        for pattern in LOADERS:
            for m in pattern.finditer(line):
                if (m.group(1).lower() == "link" and RELATIONS.search(m.group(0))) or m.group(2) in seen:
                    continue
                seen.add(m.group(2))
                errors.append(SourceError(relative(path, root), number,
                                          f"loads {m.group(2)} from another host: the site and the offline copy must work "
                                          f"without it; ship the file in overrides/assets/ (with its licence) and point at it"))
    return errors


def check(root: Path, folders=("docs", "overrides")) -> list[SourceError]:
    files = [p for folder in folders for p in sorted((root / folder).rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    files.append(root / "mkdocs.yml")
    return [e for path in files if path.exists() for e in check_file(path, root)]
