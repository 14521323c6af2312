"""The markers of the pages generated at build time for trainers, expanded in one call from the
hooks: `<!-- curriculum:glossary -->`, `<!-- curriculum:planner -->`,
`<!-- curriculum:trainer-notes -->`."""
from __future__ import annotations

from pathlib import Path

from . import glossary, planner_page, trainer_notes


def expand(markdown: str, lang_dir: Path, page_dir: Path, locale: str) -> str:
    if "curriculum:" not in markdown:
        return markdown
    markdown = glossary.expand(markdown, locale)
    markdown = planner_page.expand(markdown, lang_dir, page_dir, locale)
    return trainer_notes.expand(markdown, lang_dir, page_dir, locale)
