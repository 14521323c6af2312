"""The trainer's manual: eight modules in both languages, with what the source checks do not
cover (those run in `make check` and every build, see tests/test_checks.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.cli import body_words
from curriculum.source import parse

REPO = Path(__file__).resolve().parents[1]
LANGS = ["es", "en"]
SLUGS = {1: "01-trafficking-and-smuggling", 2: "02-human-rights", 3: "03-criminal-investigation",
         4: "04-crime-scene-and-operations", 5: "05-victim-identification-and-protection",
         6: "06-investigative-interviewing", 7: "07-child-trafficking", 8: "08-entry-and-exit-control"}
CASES = [(n, lang) for n in SLUGS for lang in LANGS]


def module(n, lang):
    return parse(REPO / "docs" / lang / "modules" / f"{SLUGS[n]}.md")


@pytest.mark.parametrize("n", SLUGS)
def test_same_duration_in_both_languages(n):
    assert module(n, "es").meta["duration_minutes"] == module(n, "en").meta["duration_minutes"]


@pytest.mark.parametrize("n,lang", CASES)
def test_at_least_two_activities_one_an_invented_case(n, lang):
    page = module(n, lang)
    start, end = page.section("activities")
    subsections = [h for h in page.headings if h.level == 3 and start < h.line < end]
    assert len(subsections) >= 2
    text = "\n".join(page.lines).lower()
    assert ("invented" in text) if lang == "en" else ("inventad" in text)


@pytest.mark.parametrize("n,lang", CASES)
def test_body_is_substantial(n, lang):
    assert body_words(module(n, lang).path) >= 3000
