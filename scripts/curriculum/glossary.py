"""The bilingual glossary page, generated from data/glossary.yml.

`<!-- curriculum:glossary -->` in docs/<lang>/glossary.md becomes one section per term, in the
alphabetical order of that language, each with the term's `id` as its anchor (the same in both
languages), its definition, its source and the equivalent term in the other language."""
from __future__ import annotations

import re
import unicodedata

from . import data
from .indexes import labels

MARKER = re.compile(r"<!--\s*curriculum:glossary\s*-->")


def entries() -> list[dict]:
    return data.load("glossary.yml")


def sort_key(term: str) -> str:
    """Alphabetical, ignoring case, accents and a leading "the"."""
    plain = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    return re.sub(r"^the\s+", "", plain.casefold())


def page(locale: str) -> str:
    """The glossary's Markdown in `locale`: a line of initials, then a definition list whose
    terms carry the entry ids. Not headings: the headings of a page pair must be the same, in the
    same order, in both languages, and each language has its own alphabetical order."""
    words = labels()[locale]
    terms, initials = [], {}
    for entry in sorted(entries(), key=lambda e: sort_key(e[locale]["term"])):
        own = entry[locale]
        others = [(lang, value) for lang, value in entry.items() if lang != locale and isinstance(value, dict) and "term" in value]
        initials.setdefault(sort_key(own["term"])[:1].upper(), entry["id"])
        headword = own["term"][:1].upper() + own["term"][1:]
        facts = []
        if own.get("source"):
            facts.append(f"**{words['glossary_source']}:** {own['source']}")
        for lang, other in others:
            facts.append(f"**{words['other_language']}:** *{other['term']}*{{ lang=\"{lang}\" }}")
        lines = [f"{headword} {{ #{entry['id']} }}", f":   {own['definition'].strip()}"]
        if facts:
            lines += ["", "    " + " · ".join(facts)]
        terms.append("\n".join(lines))
    index = " · ".join(f"[{letter}](#{term_id})" for letter, term_id in initials.items())
    return "\n".join(['<div class="glossary" markdown>', "", index, "", "\n\n".join(terms), "", "</div>", ""])


def expand(markdown: str, locale: str) -> str:
    return MARKER.sub(lambda m: page(locale), markdown)
