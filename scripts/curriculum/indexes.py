"""Section indexes computed from front matter.

`<!-- curriculum:list modules -->` in a page becomes a table of what exists in that section, so an index never lists a page twice or
misses one."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import data
from .source import parse

MARKER = re.compile(r"<!--\s*curriculum:list\s+(\w+)\s*-->")


def labels() -> dict:
    return data.load("labels.yml")


def expand(markdown: str, lang_dir: Path, page_dir: Path, locale: str, src: str, tables: dict | None = None) -> str:
    """tables: section -> function giving that section's Markdown table, or None for the plain
    list (the booklets index lists the rendered PDFs, see curriculum/booklet/pages.py)."""
    def table(m):
        section = m.group(1)
        custom = (tables or {}).get(section)
        if custom is not None and (text := custom()) is not None:
            return text
        folder = lang_dir / section
        if not folder.is_dir():
            raise PluginError(f"{src}: '<!-- curriculum:list {section} -->' names a folder docs/{locale}/{section}/ that does not exist: fix the section name")
        words = labels()[locale]
        pages = [parse(p) for p in sorted(folder.glob("*.md")) if p.name != "index.md"]
        if not pages:
            return f"*{words['none_yet']}*"
        def link(p):
            return get_relative_url(p.path.relative_to(lang_dir).as_posix(), page_dir.relative_to(lang_dir).as_posix() + "/")

        def cell(value) -> str:
            """A front-matter value inside a table cell: a '|' would end the cell."""
            return " ".join(str(value).split()).replace("|", "\\|")

        if section == "modules":
            rows = [f"| {words['module']} | {words['title']} | {words['duration']} | {words['description']} |", "|---|---|---|---|"]
            for p in pages:
                rows.append(f"| {p.meta.get('module')} | [{cell(p.meta.get('title'))}]({link(p)}) | {p.meta.get('duration_minutes')} {words['minutes']} | {cell(p.meta.get('description'))} |")
        elif section == "guides":
            rows = [f"| {words['title']} | {words['audience']} | {words['review_date']} |", "|---|---|---|"]
            for p in pages:
                kind = words.get(p.meta.get("kind"), "")
                rows.append(f"| [{cell(p.meta.get('title'))}]({link(p)}) ({kind}) | {cell(', '.join(p.meta.get('audience', [])))} | {p.meta.get('review_date')} |")
        else:
            rows = [f"| {words['title']} | {words['description']} |", "|---|---|"]
            for p in pages:
                rows.append(f"| [{cell(p.meta.get('title'))}]({link(p)}) | {cell(p.meta.get('description'))} |")
        return "\n".join(rows)

    return MARKER.sub(table, markdown)
