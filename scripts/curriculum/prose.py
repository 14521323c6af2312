"""The running text of a Markdown page, as paragraphs with their first line: what the spelling,
terminology and language checks read. Code, front matter, heading ids, link targets, HTML
tags and comments are left out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .source import FENCE, Page

HEADING_ID = re.compile(r"\{\s*[#.][^}]*\}")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<https?://[^>]*>|https?://\S+")
HTML_TAG = re.compile(r"<[^>]+>")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+\.\s+|\|)")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+\s*(?:"(.*)")?\s*$')
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:")


@dataclass(frozen=True)
class Paragraph:
    line: int  # 1-based line of the first line in the file
    text: str  # plain text, lines joined with spaces
    in_table: bool = False
    lines: tuple[tuple[int, str], ...] = ()  # (line number, plain text) of each line


ITALIC = re.compile(r"(?<![*\w])\*(?!\*)[^*]+\*(?!\*)|(?<![_\w])_(?!_)[^_]+_(?!_)")


def plain(line: str, drop_italics: bool = False) -> str:
    """One source line reduced to its words; drop_italics leaves out *italic* spans (titles of
    works and foreign terms, which the spelling check of the page's language cannot judge)."""
    line = HEADING_ID.sub(" ", line)
    if drop_italics:
        line = ITALIC.sub(" ", line)
    line = INLINE_CODE.sub(" ", line)
    line = LINK_TARGET.sub("]", line)
    line = AUTOLINK.sub(" ", line)
    line = HTML_TAG.sub(" ", line)
    line = MARKUP.sub("", line)
    line = line.replace("|", " ")
    line = re.sub(r"[*_]{1,3}", "", line)
    return re.sub(r"\s+", " ", line).strip()


def paragraphs(page: Page) -> list[Paragraph]:
    """Body paragraphs: runs of non-blank lines, split at headings, list items and table rows."""
    out: list[Paragraph] = []
    current: list[tuple[int, str]] = []
    table = False

    def flush():
        nonlocal current
        if current:
            text = " ".join(t for _, t in current if t)
            if text:
                out.append(Paragraph(current[0][0], text, table, tuple(current)))
        current = []

    body = "\n".join(page.lines[page.body_start - 1:])
    body = HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    in_fence = False
    for offset, raw in enumerate(body.split("\n")):
        number = page.body_start + offset
        if FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or not raw.strip() or TABLE_RULE.match(raw) or ABBR_DEF.match(raw):
            flush()
            continue
        if m := ADMONITION.match(raw):
            flush()
            if m.group(1):
                out.append(Paragraph(number, m.group(1), False, ((number, m.group(1)),)))
            continue
        is_row = raw.lstrip().startswith("|")
        starts_item = bool(re.match(r"^\s*(#{1,6}\s|[-*+]\s|\d+\.\s)", raw))
        if is_row or starts_item or table:
            flush()
        table = is_row
        current.append((number, plain(raw)))
        if is_row or raw.lstrip().startswith("#"):
            flush()
    flush()
    return out
