"""Read a Markdown source page into front matter and the structure the checks compare.

A small line parser, not a Markdown renderer: it finds headings with their explicit ids,
admonition and trainer-only blocks, tables and images, with their line numbers, and skips
fenced code. parity.py, session_plan.py and the booklet pipeline all read pages through it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .yaml_load import safe_load

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)[^}]*\})?\s*#*\s*$")
ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s*([\w-]+)(?:\s+\"(.*)\")?\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Block:
    marker: str  # !!! or ???
    type: str  # note, warning, trainer-only, ...
    title: str | None
    indent: int
    line: int


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    line: int


@dataclass
class Page:
    path: Path
    meta: dict
    meta_lines: dict[str, int]  # front-matter key -> line number in the file
    body_start: int  # line number of the first body line
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    images: list[tuple[str, int]] = field(default_factory=list)

    def structure(self) -> list[tuple[str, int]]:
        """The sequence that must match across languages, each item with its line."""
        items: list[tuple[int, str]] = []
        items += [(h.line, f"heading h{h.level} #{h.id or '(no id)'}") for h in self.headings]
        items += [(b.line, f"block {b.marker} {b.type}") for b in self.blocks]
        items += [(t.line, f"table of {len(t.header)} columns and {len(t.rows)} rows") for t in self.tables]
        items += [(line, f"image {src}") for src, line in self.images]
        return [(text, line) for line, text in sorted(items)]

    def section(self, heading_id: str) -> tuple[int, int] | None:
        """Line range (start, end) of the section under the heading with this id."""
        for i, h in enumerate(self.headings):
            if h.id == heading_id:
                end = len(self.lines) + 1
                for later in self.headings[i + 1:]:
                    if later.level <= h.level:
                        end = later.line
                        break
                return h.line, end
        return None


class FrontMatterError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def split_front_matter(text: str) -> tuple[dict, dict[str, int], int]:
    """Return (meta, key lines, first body line). Raises FrontMatterError on bad YAML."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, {}, 1
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError(1, "front matter starts with '---' but has no closing '---' line: add one after the last field")
    block = "\n".join(lines[1:end])
    try:
        meta = safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(line, f"front matter is not valid YAML ({problem}): check quoting and indentation on this line; quote values that contain ':' or '#'") from None
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a list of 'key: value' fields")
    key_lines = {}
    for i, line in enumerate(lines[1:end], start=2):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m:
            key_lines.setdefault(m.group(1), i)
    return meta, key_lines, end + 2


def parse(path: Path) -> Page:
    return parse_text(path.read_text(encoding="utf-8"), path)


# Parses remembered by (file, front_matter, text): the checks, the booklet and kit plans, the
# indexes and the planner read the same sources, the booklet boxes the same page bodies, and
# `mkdocs serve` reads them all again on every rebuild. A changed text is parsed again; the oldest
# parses go first past MEMO entries (old versions of pages edited under serve).
MEMO = 1000
_parsed: dict[tuple[str, bool, str], Page] = {}


def parse_text(text: str, path: Path = Path("<markdown>"), front_matter: bool = True) -> Page:
    """Parse Markdown text; front_matter=False for a body MkDocs has already split off.

    The same text of the same file gives back the same Page: callers read it and never change it."""
    key = (str(path), front_matter, text)
    page = _parsed.pop(key, None)
    if page is None:
        page = _parse(text, path, front_matter)
        while len(_parsed) >= MEMO:
            del _parsed[next(iter(_parsed))]
    _parsed[key] = page  # the newest last
    return page


def _parse(text: str, path: Path, front_matter: bool) -> Page:
    meta, key_lines, body_start = split_front_matter(text) if front_matter else ({}, {}, 1)
    lines = text.split("\n")
    page = Page(path, meta, key_lines, body_start, lines)
    in_fence = False
    i = body_start - 1
    while i < len(lines):
        line, number = lines[i], i + 1
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if m := HEADING.match(line):
                page.headings.append(Heading(len(m.group(1)), m.group(2), m.group(3), number))
            elif m := ADMONITION.match(line):
                page.blocks.append(Block(m.group(2).rstrip("+"), m.group(3), m.group(4), len(m.group(1)), number))
            elif i + 1 < len(lines) and "|" in line and TABLE_RULE.match(lines[i + 1]):
                header = _cells(line)
                rows = []
                j = i + 2
                while j < len(lines) and "|" in lines[j] and lines[j].strip():
                    rows.append(_cells(lines[j]))
                    j += 1
                page.tables.append(Table(header, rows, number))
                i = j
                continue
            for src in IMAGE.findall(line):
                page.images.append((src, number))
        i += 1
    return page


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]
