"""Markdown lint of docs/ with pymarkdown and the committed configuration (.pymarkdown.json),
with results cached per file by content hash, so a warm run lints only the files that changed."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from . import ROOT
from .errors import SourceError

CONFIG = ROOT / ".pymarkdown.json"  # the project's committed rules, whichever tree is linted
ROW = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\d+: (?P<rule>MD\d+): (?P<msg>.*)$")


def _key(path: Path, salt: bytes) -> str:
    return hashlib.sha256(salt + path.read_bytes()).hexdigest()


def _lint(files: list[Path], root: Path) -> dict[Path, list[tuple[int, str]]]:
    """pymarkdown over these files in one process: file -> [(line, message)]."""
    found: dict[Path, list[tuple[int, str]]] = {f.resolve(): [] for f in files}
    if not files:
        return found
    out = subprocess.run([sys.executable, "-m", "pymarkdown", "--config", str(CONFIG), "scan", *map(str, files)],
                         capture_output=True, text=True, cwd=root)
    for row in out.stdout.splitlines():
        m = ROW.match(row)
        if m:
            path = Path(m.group("file"))
            path = (path if path.is_absolute() else root / path).resolve()
            found.setdefault(path, []).append((int(m.group("line")), f"{m.group('rule')} {m.group('msg')}"))
    if out.returncode not in (0, 1) or (out.returncode == 1 and not any(found.values())):
        raise RuntimeError(f"pymarkdown failed: {(out.stderr or out.stdout).strip()[:500]}")
    return found


def check(root: Path, cache_dir: Path | None = None) -> list[SourceError]:
    """Lint every Markdown file of root/docs; cache_dir (default root/.cache/markdown-lint) keeps
    each file's result under a hash of its bytes, the rules and the linter's version."""
    from importlib.metadata import version

    cache_dir = cache_dir or root / ".cache" / "markdown-lint"
    cache_dir.mkdir(parents=True, exist_ok=True)
    salt = CONFIG.read_bytes() + version("pymarkdownlnt").encode()
    files = sorted((root / "docs").rglob("*.md"))
    keys = {f: _key(f, salt) for f in files}
    results: dict[Path, list] = {}
    todo = []
    for f in files:
        cached = cache_dir / f"{keys[f]}.json"
        if cached.exists():
            results[f] = json.loads(cached.read_text(encoding="utf-8"))
        else:
            todo.append(f)
    linted = _lint(todo, root)
    for f in todo:
        results[f] = linted.get(f.resolve(), [])
        (cache_dir / f"{keys[f]}.json").write_text(json.dumps(results[f]), encoding="utf-8")
    rel = lambda p: p.resolve().relative_to(root.resolve()).as_posix()  # noqa: E731
    return [SourceError(rel(f), line, f"{message} (rules in {CONFIG.name}; see the pymarkdown docs for the rule)")
            for f in files for line, message in results[f]]
