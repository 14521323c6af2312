"""A module page has every part of the trainer's manual, in order, and enough of each.

The parts are declared in data/module-parts.yml; no two module pages of a language share a number.
The knowledge-check questions live in the module's question bank (curriculum/kit/questions.py,
which checks how many there are); the page's #knowledge-check keeps its heading and intro only.
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
    errors += questions_in_markdown(page, rel, s["trainer_only_type"])
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


def questions_in_markdown(page: Page, rel: str, answer_key_type: str = "trainer-only") -> list[SourceError]:
    """The questions and the answer key come from the question bank: a numbered list or an
    answer key left in the page's #knowledge-check would show them twice."""
    span = page.section("knowledge-check")
    if not span:
        return []
    start, end = span
    number = page.meta.get("module")
    bank = f"questions/<lang>/module-{number:02d}.yml" if isinstance(number, int) else "the module's question bank"
    for n in range(start, end - 1):
        line = page.lines[n]
        if re.match(r"^\d+\.\s", line) or line.startswith("#### "):
            return [SourceError(rel, n + 1, f"#knowledge-check has questions in the page: they come from {bank} at build time; keep only the heading and the intro paragraph")]
    key = next((b for b in page.blocks if start < b.line < end and b.type == answer_key_type), None)
    if key:
        return [SourceError(rel, key.line, f"#knowledge-check has an answer key in the page: the build writes it from {bank}; delete this block")]
    return []


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
