"""Wording a page must not use, per language (data/terminology.yml); quoted text is exempt."""
from __future__ import annotations

import re

from . import data
from .errors import SourceError
from .source import Page

QUOTED = re.compile(r"«[^»]*»|\"[^\"\n]*\"|“[^”]*”")


def check(page: Page, rel: str, locale: str) -> list[SourceError]:
    text = "\n".join(page.lines)
    text = QUOTED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)  # same offsets, quotes blank
    errors = []
    for rule in data.load("terminology.yml").get(locale) or []:
        for m in re.finditer(rule["pattern"], text, re.IGNORECASE):
            line = text.count("\n", 0, m.start()) + 1
            errors.append(SourceError(rel, line, f"'{' '.join(m.group(0).split())}': {rule['fix']}"))
    return errors
