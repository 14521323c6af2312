"""Wording a page must not use: the rules of data/terminology.yml and the `avoid` forms of the
glossary (data/glossary.yml), applied to a page's running text; each hit names its line and the
form to write instead. Text inside quotation marks is exempt, so a page can quote an error."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import data
from .errors import SourceError
from .prose import paragraphs
from .source import Page

QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    use: str
    kinds: frozenset[str] | None
    origin: str  # the data file that holds the rule, for the message


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: 'pattern' is not a valid regular expression ({exc}): fix it") from None


def rules_from(terminology: dict, glossary: list | None) -> dict[str, list[Rule]]:
    """Rules per language from the two files' contents; a bad entry names itself and the fix."""
    rules: dict[str, list[Rule]] = {}
    for lang, entries in (terminology or {}).items():
        for i, entry in enumerate(entries or [], start=1):
            where = f"data/terminology.yml: {lang} entry {i}"
            if not isinstance(entry, dict) or not entry.get("pattern") or not entry.get("use"):
                raise ValueError(f"{where}: each entry needs 'pattern' (a regular expression) and 'use' (the form to write instead)")
            kinds = entry.get("kinds")
            rules.setdefault(lang, []).append(Rule(_compile(entry["pattern"], where), entry["use"],
                                                   frozenset(kinds) if kinds else None, "data/terminology.yml"))
    for term in glossary or []:
        for lang, forms in (term.get("avoid") or {}).items():
            use = f"\"{term[lang]['term']}\" (glossary: {term['id']})"
            for form in forms:
                rules.setdefault(lang, []).append(Rule(_compile(re.escape(form), f"data/glossary.yml: {term['id']}"),
                                                       use, None, "data/glossary.yml"))
    return rules


_rules: tuple = (None, None)  # ((the two data files as loaded), their rules)
_checked: dict = {}  # (page text, rel, lang, kind) -> errors under load_rules()'s rules, for `mkdocs serve`'s rebuilds


def load_rules() -> dict[str, list[Rule]]:
    """The rules as the files are now (re-read when a file changes, for `mkdocs serve`)."""
    global _rules
    sources = (data.load("terminology.yml"), data.load("glossary.yml"))  # the same objects until a file changes
    if _rules[0] is None or any(a is not b for a, b in zip(_rules[0], sources)):
        _rules = (sources, rules_from(*sources))
        _checked.clear()
    return _rules[1]


def _unquoted(text: str) -> str:
    """The text with quoted spans blanked out, so offsets still match."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def check(page: Page, rel: str, lang: str, kind: str, rules: dict[str, list[Rule]]) -> list[SourceError]:
    """The terminology problems of one page; a page checked before with the same text and rules
    (an unchanged page under `mkdocs serve`) is not checked again."""
    if rules is not _rules[1]:  # rules made elsewhere (the tests): checked as they are
        return _check(page, rel, lang, kind, rules)
    key = ("\n".join(page.lines), rel, lang, kind)
    if key not in _checked:
        if len(_checked) > 2000:
            _checked.clear()
        _checked[key] = _check(page, rel, lang, kind, rules)
    return list(_checked[key])


def _check(page: Page, rel: str, lang: str, kind: str, rules: dict[str, list[Rule]]) -> list[SourceError]:
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
                errors.append(SourceError(rel, line, f"'{m.group(0)}' is not our term: write {rule.use} ({rule.origin})"))
    return errors
