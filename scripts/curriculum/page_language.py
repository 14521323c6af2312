"""Flag a paragraph written in the other language (an English paragraph left in a Spanish page,
or the reverse), with the langdetect library, on paragraphs long enough to judge."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from .errors import SourceError
from .prose import paragraphs
from .source import Page

MIN_WORDS = 25  # shorter paragraphs (titles, list items, quotes) are too short to judge
CONFIDENCE = 0.90



@lru_cache(maxsize=None)
def _factory(langs: tuple[str, ...]) -> DetectorFactory:
    """A detector that knows only the site's languages (faster, and the only question asked)."""
    factory = DetectorFactory()
    factory.seed = 0  # langdetect is random by default; the check must give one answer
    profiles = [(Path(PROFILES_DIRECTORY) / lang).read_text(encoding="utf-8") for lang in langs]
    factory.load_json_profile(profiles)
    return factory


def check(page: Page, rel: str, lang: str, other_langs: list[str]) -> list[SourceError]:
    errors = []
    factory = _factory(tuple(sorted([lang, *other_langs])))
    for para in paragraphs(page):
        if para.in_table or len(para.text.split()) < MIN_WORDS:
            continue
        try:
            detector = factory.create()
            detector.append(para.text)
            guesses = detector.get_probabilities()
        except LangDetectException:
            continue
        best = guesses[0]
        if best.lang in other_langs and best.prob >= CONFIDENCE:
            errors.append(SourceError(rel, para.line, f"this paragraph reads as '{best.lang}', not '{lang}' "
                                                      f"(langdetect, p={best.prob:.2f}): translate it, or move it to the "
                                                      f"docs/{best.lang}/ page"))
    return errors
