"""Command line: the same checks the build runs, for maintainers and pre-commit.

    python -m curriculum check [PATH ...]   check the sources (only problems in or about the
                                            files and folders PATH, if given)
    python -m curriculum words PATH ...     body word count of pages (front matter excluded)
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import ROOT, checks
from .errors import report
from .languages import languages
from .source import parse


def site_languages() -> list[str]:
    """The languages of mkdocs.yml, default first, read as the build reads them."""
    from mkdocs.config import load_config

    return [lang.locale for lang in languages(load_config(str(ROOT / "mkdocs.yml")))]


def body_words(path: Path) -> int:
    page = parse(path)
    body = "\n".join(page.lines[page.body_start - 1:])
    body = re.sub(r"\{\s*#[\w-]+[^}]*\}", " ", body)  # heading ids
    return len(re.findall(r"[^\W\d_][\w'’-]*", body))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check the Markdown sources as the build does")
    c.add_argument("paths", nargs="*", help="only report problems in or about these files and folders")
    w = sub.add_parser("words", help="count body words")
    w.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "words":
        for p in args.paths:
            print(f"{body_words(Path(p)):6d}  {p}")
        return 0
    wanted = []
    for p in args.paths:
        path = Path(p).resolve()
        if not path.is_relative_to(ROOT):
            print(f"{p}: is outside the repository ({ROOT}): give a file or folder under docs/", file=sys.stderr)
            return 2
        if not path.exists():
            print(f"{p}: no such file or folder", file=sys.stderr)
            return 2
        wanted.append(path.relative_to(ROOT).as_posix())
    errors = checks.errors(checks.run(ROOT / "docs", site_languages(), ROOT))
    if wanted:
        errors = [e for e in errors if e.concerns(wanted)]
    if errors:
        print(report(errors), file=sys.stderr)
        return 1
    print("sources OK")
    return 0
