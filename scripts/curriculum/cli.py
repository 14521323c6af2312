"""Command line: the check gate and the maintainers' commands.

    python -m curriculum check [--fast] [PATH ...]   the check gate (make check, pre-commit, CI):
                                 every source check, then (without --fast) a strict build read
                                 back; only problems in or about PATHs, if given
    python -m curriculum translated PAGE ...         record that PAGE is in line with its
                                 counterpart's latest commit (front matter translated_from)
    python -m curriculum external-links              the built site's external links (site/)
    python -m curriculum words PATH ...              body word count of pages (front matter excluded)
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import ROOT, gate, translation
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
    c = sub.add_parser("check", help="the check gate: source checks, then a strict build read back")
    c.add_argument("--fast", action="store_true", help="source checks only, no build (pre-commit)")
    c.add_argument("paths", nargs="*", help="only report problems in or about these files and folders")
    t = sub.add_parser("translated", help="record that a page is in line with its counterpart")
    t.add_argument("pages", nargs="+")
    sub.add_parser("external-links", help="check the external links of the built site in site/ (needs the network)")
    w = sub.add_parser("words", help="count body words")
    w.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "words":
        for p in args.paths:
            print(f"{body_words(Path(p)):6d}  {p}")
        return 0
    if args.command == "translated":
        for p in args.pages:
            rel = Path(p).resolve().relative_to(ROOT).as_posix()
            commit = translation.record(ROOT, rel, site_languages())
            print(f"{rel}: translated_from {commit}")
        return 0
    if args.command == "external-links":
        from mkdocs.config import load_config

        from . import external_links

        problems = external_links.check(ROOT / "site", load_config(str(ROOT / "mkdocs.yml")).site_url or "")
        print("\n".join(problems) or "every external link answers")
        return 1 if problems else 0
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
    outcomes, notes = gate.run(ROOT, site_languages(), fast=args.fast)
    if wanted:
        for o in outcomes:
            o.errors = [e for e in o.errors if e.concerns(wanted)]
    errors = [e for o in outcomes for e in o.errors]
    print(gate.table(outcomes))
    if notes:
        print(f"\n{len(notes)} page(s) lag behind a change to their translation (informative):")
        print("\n".join(f"  - {n}" for n in notes))
    if errors:
        print(report(errors), file=sys.stderr)
        return 1
    print("sources OK")
    return 0
