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
    """The glossary's Markdown in `locale`."""
    words = labels()[locale]
    blocks = []
    for entry in sorted(entries(), key=lambda e: sort_key(e[locale]["term"])):
        own = entry[locale]
        others = [(lang, value) for lang, value in entry.items() if lang != locale and isinstance(value, dict) and "term" in value]
        heading = own["term"][:1].upper() + own["term"][1:]
        lines = [f"## {heading} {{ #{entry['id']} }}", "", own["definition"].strip(), ""]
        facts = []
        if own.get("source"):
            facts.append(f"**{words['glossary_source']}:** {own['source']}")
        for lang, other in others:
            facts.append(f"**{words['other_language']}:** *{other['term']}*{{ lang=\"{lang}\" }}")
        if facts:
            lines += [" · ".join(facts), ""]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def expand(markdown: str, locale: str) -> str:
    return MARKER.sub(lambda m: page(locale), markdown)
