"""The check gate of `make check`, pre-commit and CI: every source check, then a strict build
read back (links, anchors, HTML validity), then the translation rule for the branch, each timed,
with a summary table. Runs the build in a process of its own while the source checks run."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import checks, html_validity, site_check, translation
from .checks import Outcome
from .errors import SourceError


def _build(root: Path, site_dir: Path) -> tuple[list[SourceError], float]:
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                         cwd=root, capture_output=True, text=True, env=env)
    errors = []
    if out.returncode != 0:
        lines = [line for line in (out.stderr + out.stdout).splitlines() if line.strip()]
        errors.append(SourceError("mkdocs.yml", None, "the strict build failed (the first lines of its log follow):\n      "
                                  + "\n      ".join(lines[-15:])))
    return errors, time.perf_counter() - start


def branch_base(root: Path) -> str | None:
    """What a pull request is compared with: $CHECK_BASE, else origin/main when it exists."""
    base = os.environ.get("CHECK_BASE")
    if base:
        return base
    if translation.in_git(root) and subprocess.run(["git", "rev-parse", "--verify", "-q", "origin/main"], cwd=root,
                                                    capture_output=True).returncode == 0:
        return "origin/main"
    return None


def run(root: Path, langs: list[str], fast: bool = False) -> tuple[list[Outcome], list[str]]:
    """(outcomes, notes): notes are informative lines (translations to bring up to date)."""
    outcomes: list[Outcome] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="curriculum-check-") as tmp, ThreadPoolExecutor(1) as pool:
        site_dir = Path(tmp) / "site"
        build = None if fast else pool.submit(_build, root, site_dir)
        sources = checks.load(root / "docs", langs, root)
        outcomes += checks.run(root / "docs", langs, root, sources=sources)
        if build is not None:
            errors, seconds = build.result()
            outcomes.append(Outcome("strict build", errors, seconds))
            if not errors:
                from mkdocs.config import load_config

                site_url = load_config(str(root / "mkdocs.yml")).site_url or "http://localhost/"
                start = time.perf_counter()
                outcomes.append(Outcome("built site: links, anchors, other hosts",
                                        site_check.check(site_dir, site_url, root, langs), time.perf_counter() - start))
                start = time.perf_counter()
                outcomes.append(Outcome("built site: HTML validity (vnu)",
                                        html_validity.check(site_dir, root, langs), time.perf_counter() - start))
    if translation.in_git(root):
        base = branch_base(root)
        start = time.perf_counter()
        if base:
            outcomes.append(Outcome(f"translation pairs since {base}", translation.unpaired_changes(root, base, langs),
                                    time.perf_counter() - start))
        pages = {f"docs/{lang}/{rel.as_posix()}": page.meta for lang in langs for rel, page in sources.pages[lang].items()}
        notes += [lag.describe() for lag in translation.lags(root, pages, langs) if lag.since]
    return outcomes, notes


def table(outcomes: list[Outcome]) -> str:
    width = max(len(o.name) for o in outcomes)
    rows = [f"{'check':<{width}}  {'result':<12}  seconds", f"{'-' * width}  {'-' * 12}  -------"]
    for o in outcomes:
        result = "ok" if not o.errors else f"{len(o.errors)} problem{'s' if len(o.errors) != 1 else ''}"
        rows.append(f"{o.name:<{width}}  {result:<12}  {o.seconds:7.2f}")
    return "\n".join(rows)
