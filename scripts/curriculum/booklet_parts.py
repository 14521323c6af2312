"""A booklet source page is well formed (the check behind `make check` and the build).

A module's booklet (`booklet: N`): named like its module, one booklet per module, the module exists and has key messages, a title for the cover, the parts of data/booklet-parts.yml
in order, short enough for a pocket page, its images on disk, nothing for trainers only.
A protocol's booklet (`protocol: slug`): named slug.md like its protocol page, which exists in
guides/ with kind: protocol; its own parts (protocol_parts), the same limits. Every protocol page
has a booklet (protocols_without_booklet).

Run by `python -m curriculum check` and the build (checks.py), before any booklet is rendered.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import data
from .errors import SourceError
from .source import Page

FILE_NAME = re.compile(r"^(\d\d)-[a-z0-9][a-z0-9-]*\.md$")
KEY_MESSAGES = "key-messages"
TRAINER_ONLY = "trainer-only"


def check(page: Page, rel: str, locale: str, modules: dict[int, tuple[str, Page]],
          seen: dict[int, str]) -> list[SourceError]:
    """modules: module number -> (file, page) in this language; seen: booklet numbers so far."""
    path = Path(page.path)
    if not FILE_NAME.match(path.name):
        return [SourceError(rel, None, "a booklet file is named NN-slug.md (two digits, then lowercase words with hyphens), "
                                       "like the module page it belongs to: rename the file")]
    number = page.meta.get("booklet")
    if not isinstance(number, int):
        return [SourceError(rel, page.meta_lines.get("booklet", 1), "front matter 'booklet' must be the module number (an integer): add 'booklet: N'")]
    line = page.meta_lines.get("booklet")
    if number in seen:
        return [SourceError(rel, line, f"booklet {number} is also {seen[number]}: one booklet per module, fix the number or merge the files", (seen[number],))]
    seen[number] = rel
    if number not in modules:
        return [SourceError(rel, line, f"booklet {number} refers to module {number}, which has no page in docs/{locale}/modules/: "
                                       f"fix the number or add docs/{locale}/modules/{number:02d}-….md")]
    if int(path.name[:2]) != number:
        return [SourceError(rel, line, f"front matter 'booklet' is {number} but the file name starts with {path.name[:2]}-: rename the file or fix the number")]
    module_rel, module = modules[number]
    errors = []
    span = module.section(KEY_MESSAGES)
    if span is None:
        errors.append(SourceError(module_rel, None, f"module {number} has no key messages, which its booklet {rel} prints: "
                                                    f"add a section '## … {{ #{KEY_MESSAGES} }}' with a bullet list", (rel,)))
    else:
        errors += images(module, module_rel, within=span)[1]
    return errors + _pocket(page, rel) + _parts(page, rel) + images(page, rel)[1]


def _pocket(page: Page, rel: str) -> list[SourceError]:
    """What every booklet needs, whoever it belongs to: a cover title, nothing for trainers only."""
    errors = []
    if not page.headings or page.headings[0].level != 1:
        errors.append(SourceError(rel, page.body_start, "a booklet starts with a level-1 heading, its short title for the cover: add '# Title'"))
    errors += [SourceError(rel, b.line, "booklets are for participants and leave the trainer's notes out: move this trainer-only block to the module page")
               for b in page.blocks if b.type == TRAINER_ONLY]
    return errors


def check_protocol(page: Page, rel: str, locale: str, guides: dict[str, tuple[str, Page]]) -> list[SourceError]:
    """guides: file stem -> (file, page) of docs/<locale>/guides/ in this language."""
    slug = page.meta.get("protocol")
    line = page.meta_lines.get("protocol")
    if not isinstance(slug, str):
        return []  # the front-matter check reports it
    if slug not in guides:
        known = ", ".join(sorted(s for s, (_, g) in guides.items() if g.meta.get("kind") == "protocol")) or "none yet"
        return [SourceError(rel, line, f"front matter 'protocol' is '{slug}', but there is no docs/{locale}/guides/{slug}.md: "
                                       f"use the file name of a protocol page (protocols: {known}) or add the page")]
    guide_rel, guide = guides[slug]
    if guide.meta.get("kind") != "protocol":
        return [SourceError(rel, line, f"front matter 'protocol' is '{slug}', but {guide_rel} is kind: {guide.meta.get('kind')}, "
                                       "not a protocol: only protocols get pocket booklets; set 'kind: protocol' there or remove this booklet",
                            (guide_rel,))]
    if Path(page.path).name != f"{slug}.md":
        return [SourceError(rel, line, f"front matter 'protocol' is '{slug}' but the file is named {Path(page.path).name}: "
                                       f"rename it docs/{locale}/booklets/{slug}.md, like its protocol page")]
    return _pocket(page, rel) + _parts(page, rel, protocol=True) + images(page, rel)[1]


def protocols_without_booklet(locale: str, guides: dict[str, tuple[str, Page]], covered: set[str]) -> list[SourceError]:
    """Every kind: protocol page is what officers carry: it needs its booklet source."""
    return [SourceError(guide_rel, guide.meta_lines.get("kind"), f"a protocol page gets a pocket booklet, but there is no docs/{locale}/booklets/{slug}.md: "
                                                                 f"add it with front matter 'protocol: {slug}', title and description "
                                                                 "(see docs-maintainers-booklets.md), or set 'kind: guide'")
            for slug, (guide_rel, guide) in sorted(guides.items()) if guide.meta.get("kind") == "protocol" and slug not in covered]


def _parts(page: Page, rel: str, protocol: bool = False) -> list[SourceError]:
    s = data.load("booklet-parts.yml")
    parts = s["protocol_parts"] if protocol else s["parts"]
    whose = "a protocol's booklet" if protocol else "a booklet"
    ids = [h.id for h in page.headings if h.level == 2]
    if [i for i in ids if i in parts] != parts:
        return [SourceError(rel, None, f"{whose} has the parts {', '.join('#' + p for p in parts)} as level-2 headings, in this order "
                                       "(see data/booklet-parts.yml): add or move the missing ones")]
    errors = []
    if protocol:
        if not any(re.match(r"^\s*- \[ \] ", line) for line in page.lines[page.body_start - 1:]):
            errors.append(SourceError(rel, page.body_start, "a protocol's booklet has no checklist: write what to check as '- [ ] …'"))
    else:
        start, end = page.section(s["checklist_in"])
        if not any(re.match(r"^\s*- \[ \] ", line) for line in page.lines[start:end - 1]):
            errors.append(SourceError(rel, start, f"#{s['checklist_in']} has no checklist: write each indicator as '- [ ] …'"))
    errors += [SourceError(rel, t.line, f"a table of {len(t.header)} columns does not fit a pocket page: use at most {s['max_table_columns']}, or a list")
               for t in page.tables if len(t.header) > s["max_table_columns"]]
    number, paragraph = page.body_start, []
    for n, text in enumerate([*page.lines[page.body_start - 1:], ""], start=page.body_start):
        if text.strip():
            paragraph.append(text)
            continue
        if paragraph and not re.match(r"^\s*([-*|#>]|\d+\.|!!!|\?\?\?)", paragraph[0]) and len(paragraph) > s["max_paragraph_lines"]:
            errors.append(SourceError(rel, number, f"a paragraph of {len(paragraph)} lines is long for a pocket page: "
                                                   f"keep it to {s['max_paragraph_lines']} lines, or make it a list"))
        paragraph, number = [], n + 1
    return errors


def images(page: Page, rel: str, within: tuple[int, int] | None = None) -> tuple[list[Path], list[SourceError]]:
    """The image files a booklet prints from this page (or from a section of it), and the
    problems: booklets are rendered offline, so every image is a file under docs/."""
    found, errors = [], []
    for src, line in page.images:
        if within and not (within[0] <= line < within[1]):
            continue
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) or src.startswith("/"):
            errors.append(SourceError(rel, line, f"image '{src}' is not a file next to the page: booklets are built offline, "
                                                 "so save the image under docs/ and link it with a relative path"))
            continue
        path = (page.path.parent / src.split("#")[0].split("?")[0]).resolve()
        if not path.is_file():
            errors.append(SourceError(rel, line, f"image '{src}' does not exist (looked for {path}): add the file or fix the path"))
            continue
        found.append(path)
    return found, errors
