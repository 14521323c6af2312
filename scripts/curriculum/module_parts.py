"""A module page has every part of the trainer's manual, in order, and enough of each.

The parts are declared in data/module-parts.yml; no two module pages of a language share a number.
"""
from __future__ import annotations

import re

from . import data
from .errors import SourceError
from .source import Page


def spec() -> dict:
    return data.load("module-parts.yml")


def check(page: Page, rel: str) -> list[SourceError]:
    s = spec()
    parts = s["parts"]
    ids = [h.id for h in page.headings if h.level == 2]
    missing = [p["id"] for p in parts if p["id"] not in ids]
    if missing:
        return [SourceError(rel, None, f"module is missing the part(s) {', '.join('#' + m for m in missing)}: add a level-2 heading with each id (see data/module-parts.yml)")]
    order = [ids.index(p["id"]) for p in parts]
    if order != sorted(order):
        return [SourceError(rel, None, "module parts are out of order: use " + ", ".join("#" + p["id"] for p in parts))]
    errors = []
    for p in parts:
        if p.get("trainer_only"):
            start, end = page.section(p["id"])
            if not any(start < b.line < end and b.type == s["trainer_only_type"] for b in page.blocks):
                errors.append(SourceError(rel, start, f"section #{p['id']} has no trainer-only block: put the notes or answer key in '??? trainer-only \"…\"'"))
    errors += case_law(page, rel, s.get("case_law"))
    start, end = page.section("key-messages")
    bullets = [line for line in page.lines[start:end - 1] if re.match(r"^[-*] ", line)]
    low, high = s["key_messages"]["min"], s["key_messages"]["max"]
    if not low <= len(bullets) <= high:
        errors.append(SourceError(rel, start, f"#key-messages has {len(bullets)} bullet(s): write {low} to {high}, one short sentence each (the booklet prints them)"))
    count = questions(page, s["trainer_only_type"])
    if count < s["min_questions"]:
        errors.append(SourceError(rel, page.section("knowledge-check")[0], f"#knowledge-check has {count} question(s) before its answer key: write at least {s['min_questions']}, numbered"))
    return errors


def case_law(page: Page, rel: str, rule: dict | None) -> list[SourceError]:
    """At least rule['min'] judgments in #case-law, each with every fact label of one language."""
    span = page.section("case-law") if rule else None
    if not span:
        return []
    start, end = span
    heads = [h for h in page.headings if h.level == 3 and start < h.line < end]
    if len(heads) < rule["min"]:
        return [SourceError(rel, start, f"#case-law has {len(heads)} judgment(s): write at least {rule['min']}, "
                                        f"each under a level-3 heading (case name, court, year) with its facts")]
    errors = []
    for i, head in enumerate(heads):
        stop = heads[i + 1].line if i + 1 < len(heads) else end
        text = "\n".join(page.lines[head.line:stop - 1])
        present = {lang: [label for label in labels if f"**{label}**" in text] for lang, labels in rule["labels"].items()}
        lang, found = max(present.items(), key=lambda kv: len(kv[1]))
        missing = [label for label in rule["labels"][lang] if label not in found]
        if missing:
            errors.append(SourceError(rel, head.line, f"judgment #{head.id or '(no id)'} lacks {', '.join('**' + m + '**' for m in missing)}: "
                                                      f"give the court, date, reference and the paragraphs relied on (see data/module-parts.yml)"))
    return errors


def questions(page: Page, answer_key_type: str = "trainer-only") -> int:
    """Knowledge-check questions before the answer key: top-level numbered items, or, where the
    questions are not a numbered list, level-4 headings."""
    span = page.section("knowledge-check")
    if not span:
        return 0
    start, end = span
    key = next((b.line for b in page.blocks if start < b.line < end and b.type == answer_key_type), end)
    lines = page.lines[start:key - 1]
    numbered = sum(1 for line in lines if re.match(r"^\d+\.\s", line))
    return numbered or sum(1 for line in lines if line.startswith("#### "))


def unique_numbers(modules: list[tuple[str, Page]]) -> list[SourceError]:
    """modules: (file, page) of one language's module pages."""
    seen: dict[int, str] = {}
    errors = []
    for rel, page in modules:
        number = page.meta.get("module")
        if not isinstance(number, int):
            continue
        if number in seen:
            errors.append(SourceError(rel, page.meta_lines.get("module"), f"module {number} is also {seen[number]}: give each module page its own number", (seen[number],)))
        seen.setdefault(number, rel)
    return errors
