"""Run every source check over docs/<lang>/ and collect the problems.

Called by the MkDocs hook before each build and by `python -m curriculum check`.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import booklet_parts, frontmatter, module_parts, parity, session_plan
from .errors import SourceError, relative
from .source import FrontMatterError, Page, parse


def load(docs_dir: Path, langs: list[str], root: Path) -> tuple[dict[str, dict[Path, Page]], list[SourceError]]:
    pages: dict[str, dict[Path, Page]] = {}
    errors: list[SourceError] = []
    for lang in langs:
        pages[lang] = {}
        base = docs_dir / lang
        if not base.is_dir():
            errors.append(SourceError(relative(base, root), None, f"language folder is missing: create docs/{lang}/ with the same pages as the other languages"))
            continue
        for path in sorted(base.rglob("*.md")):
            rel_to_lang = path.relative_to(base)
            try:
                pages[lang][rel_to_lang] = parse(path)
            except FrontMatterError as exc:
                errors.append(SourceError(relative(path, root), exc.line, exc.message))
    return pages, errors


def run(docs_dir: Path, langs: list[str], root: Path) -> list[SourceError]:
    pages, errors = load(docs_dir, langs, root)
    errors += parity.missing_pages(pages, root)
    for lang, by_rel in pages.items():
        modules = {p.meta["module"]: (relative(p.path, root), p) for r, p in by_rel.items()
                   if frontmatter.kind_of(r) == "module" and isinstance(p.meta.get("module"), int)}
        booklets_seen: dict[int, str] = {}
        for rel_to_lang, page in by_rel.items():
            rel = relative(page.path, root)
            errors += frontmatter.validate(page, rel, rel_to_lang)
            errors += parity.heading_ids(page, rel)
            kind = frontmatter.kind_of(rel_to_lang)
            if kind == "module":
                errors += session_plan.check(page, rel)
                errors += module_parts.check(page, rel)
            if kind == "booklet" and isinstance(page.meta.get("booklet"), int):
                errors += booklet_parts.check(page, rel, lang, modules, booklets_seen)
    default, *others = langs
    for other in others:
        for rel_to_lang in sorted(set(pages.get(default, {})) & set(pages.get(other, {}))):
            errors += parity.compare(pages[default][rel_to_lang], pages[other][rel_to_lang], root)
    return errors

