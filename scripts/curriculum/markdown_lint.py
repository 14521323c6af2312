"""Markdown lint of docs/ with pymarkdown and the committed configuration (.pymarkdown.json)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from . import ROOT
from .errors import SourceError

CONFIG = ROOT / ".pymarkdown.json"  # the project's committed rules, whichever tree is linted
ROW = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\d+: (?P<rule>MD\d+): (?P<msg>.*)$")


def check(root: Path, paths: list[Path] | None = None) -> list[SourceError]:
    """Lint the given Markdown files (default: all of docs/); runs pymarkdown in its own process."""
    targets = [str(p) for p in paths] if paths else ["-r", "docs"]
    out = subprocess.run([sys.executable, "-m", "pymarkdown", "--config", str(CONFIG), "scan", *targets],
                         capture_output=True, text=True, cwd=root)
    errors = []
    for row in out.stdout.splitlines():
        m = ROW.match(row)
        if m:
            path = Path(m.group("file"))
            rel = (path if path.is_absolute() else root / path).resolve().relative_to(root.resolve()).as_posix()
            errors.append(SourceError(rel, int(m.group("line")), f"{m.group('rule')} {m.group('msg')} "
                                                                 f"(rules in {CONFIG.name}; see the pymarkdown docs for the rule)"))
    if out.returncode not in (0, 1) or (out.returncode == 1 and not errors):
        raise RuntimeError(f"pymarkdown failed: {(out.stderr or out.stdout).strip()[:500]}")
    return errors
