"""A booklet source page is well formed: named like its module, one booklet per module, the
module exists and has key messages, a title for the cover, nothing for trainers only.

Run by `python -m curriculum check` and the build (checks.py), and by the booklet pipeline
before it renders anything.
"""
from __future__ import annotations

import re
from pathlib import Path

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
        return [SourceError(rel, line, f"booklet {number} is also {seen[number]}: one booklet per module, fix the number or merge the files")]
    seen[number] = rel
    if number not in modules:
        return [SourceError(rel, line, f"booklet {number} refers to module {number}, which has no page in docs/{locale}/modules/: "
                                       f"fix the number or add docs/{locale}/modules/{number:02d}-….md")]
    if int(path.name[:2]) != number:
        return [SourceError(rel, line, f"front matter 'booklet' is {number} but the file name starts with {path.name[:2]}-: rename the file or fix the number")]
    module_rel, module = modules[number]
    errors = []
    if module.section(KEY_MESSAGES) is None:
        errors.append(SourceError(module_rel, None, f"module {number} has no key messages, which its booklet {rel} prints: "
                                                    f"add a section '## … {{ #{KEY_MESSAGES} }}' with a bullet list"))
    if not page.headings or page.headings[0].level != 1:
        errors.append(SourceError(rel, page.body_start, "a booklet starts with a level-1 heading, its short title for the cover: add '# Title'"))
    errors += [SourceError(rel, b.line, "booklets are for participants and leave the trainer's notes out: move this trainer-only block to the module page")
               for b in page.blocks if b.type == TRAINER_ONLY]
    return errors
