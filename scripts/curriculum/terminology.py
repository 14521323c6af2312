"""Apply the terminology list (data/terminology.yml) to a page's running text: each form we
never use is reported with its line and the form to write instead."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import DATA
from .errors import SourceError
from .prose import paragraphs
from .source import Page

TERMINOLOGY_FILE = DATA / "terminology.yml"
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    use: str
    kinds: frozenset[str] | None


def load_rules(path=TERMINOLOGY_FILE) -> dict[str, list[Rule]]:
    """Read the list; a bad entry is an error that names the entry and what it needs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rules: dict[str, list[Rule]] = {}
    for lang, entries in data.items():
        rules[lang] = []
        for i, entry in enumerate(entries or [], start=1):
            where = f"{path.name}: {lang} entry {i}"
            if not isinstance(entry, dict) or not entry.get("pattern") or not entry.get("use"):
                raise ValueError(f"{where}: each entry needs 'pattern' (a regular expression) and 'use' (the form to write instead)")
            try:
                pattern = re.compile(rf"(?<!\w){entry['pattern']}(?!\w)", re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"{where}: 'pattern' is not a valid regular expression ({exc}): fix it") from None
            kinds = entry.get("kinds")
            rules[lang].append(Rule(pattern, entry["use"], frozenset(kinds) if kinds else None))
    return rules


def _unquoted(text: str) -> str:
    """The text with quoted spans blanked out, so offsets still match."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def check(page: Page, rel: str, lang: str, kind: str, rules: dict[str, list[Rule]]) -> list[SourceError]:
    errors = []
    applicable = [r for r in rules.get(lang, []) if r.kinds is None or kind in r.kinds]
    if not applicable:
        return errors
    for para in paragraphs(page):
        text = _unquoted(para.text)
        starts, offset = [], 0  # where each source line begins in the joined text
        for number, line_text in para.lines:
            if line_text:
                starts.append((offset, number))
                offset += len(line_text) + 1
        for rule in applicable:
            for m in rule.pattern.finditer(text):
                line = max((n for o, n in starts if o <= m.start()), default=para.line)
                errors.append(SourceError(rel, line, f"'{m.group(0)}' is not our term: write {rule.use} (data/terminology.yml)"))
    return errors
