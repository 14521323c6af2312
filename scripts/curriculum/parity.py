"""Translation parity: every page in both languages, with the same structure.

Same structure means the same sequence of headings (level and explicit id), admonition and
trainer-only blocks, tables (columns and rows) and images, so that a trainer who switches
language mid-session lands on the same section.
"""
from __future__ import annotations

from pathlib import Path

from .errors import SourceError, relative
from .source import Page


def missing_pages(pages: dict[str, dict[Path, Page]], root: Path) -> list[SourceError]:
    """pages: language -> {path inside docs/<lang>/ -> Page}."""
    errors = []
    langs = list(pages)
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            for rel in sorted(set(pages[lang]) - set(pages[other])):
                have = relative(pages[lang][rel].path, root)
                want = f"docs/{other}/{rel.as_posix()}"
                errors.append(SourceError(have, None, f"has no translation: create {want} with the same headings and ids (every page exists in both languages)"))
    return errors


def heading_ids(page: Page, rel: str) -> list[SourceError]:
    errors = []
    seen: dict[str, int] = {}
    for h in page.headings:
        if h.level >= 2 and not h.id:
            errors.append(SourceError(rel, h.line, f"heading '{h.text}' has no explicit id: write it as '{'#' * h.level} {h.text} {{ #an-english-slug }}' with the same id in both languages"))
        if h.id:
            if h.id in seen:
                errors.append(SourceError(rel, h.line, f"heading id '#{h.id}' is used twice (first on line {seen[h.id]}): make each id unique on the page"))
            seen.setdefault(h.id, h.line)
    return errors


def compare(a: Page, b: Page, root: Path) -> list[SourceError]:
    """The first structural difference between two translations of one page, if any."""
    sa, sb = a.structure(), b.structure()
    ra, rb = relative(a.path, root), relative(b.path, root)
    for i in range(max(len(sa), len(sb))):
        ia = sa[i] if i < len(sa) else ("(nothing: the page ends)", len(a.lines))
        ib = sb[i] if i < len(sb) else ("(nothing: the page ends)", len(b.lines))
        if ia[0] != ib[0]:
            return [SourceError(ra, ia[1], f"structure differs from its translation {rb}:{ib[1]}: "
                                f"item {i + 1} is '{ia[0]}' here but '{ib[0]}' there; make both pages have the same headings (level and id), blocks, tables and images in the same order", (rb,))]
    return []

