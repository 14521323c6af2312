"""A booklet source page is well formed (the check behind `make check` and the build).

Named like its module, one booklet per module, the module exists and has key messages, a title for the cover, the parts of data/booklet-parts.yml
in order, short enough for a pocket page, its images on disk, nothing for trainers only.

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
    if not page.headings or page.headings[0].level != 1:
        errors.append(SourceError(rel, page.body_start, "a booklet starts with a level-1 heading, its short title for the cover: add '# Title'"))
    errors += [SourceError(rel, b.line, "booklets are for participants and leave the trainer's notes out: move this trainer-only block to the module page")
               for b in page.blocks if b.type == TRAINER_ONLY]
    return errors + _parts(page, rel) + images(page, rel)[1]


def _parts(page: Page, rel: str) -> list[SourceError]:
    s = data.load("booklet-parts.yml")
    ids = [h.id for h in page.headings if h.level == 2]
    if [i for i in ids if i in s["parts"]] != s["parts"]:
        return [SourceError(rel, None, f"a booklet has the parts {', '.join('#' + p for p in s['parts'])} as level-2 headings, in this order "
                                       "(see data/booklet-parts.yml): add or move the missing ones")]
    errors = []
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
