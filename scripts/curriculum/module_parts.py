"""A module page has every part of the trainer's manual, in order (data/module-parts.yml)."""
from __future__ import annotations

from functools import lru_cache

import yaml

from . import DATA
from .errors import SourceError
from .source import Page


@lru_cache(maxsize=1)
def spec() -> dict:
    return yaml.safe_load((DATA / "module-parts.yml").read_text(encoding="utf-8"))


def check(page: Page, rel: str) -> list[SourceError]:
    parts = spec()["parts"]
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
            if not any(start < b.line < end and b.type == spec()["trainer_only_type"] for b in page.blocks):
                errors.append(SourceError(rel, start, f"section #{p['id']} has no trainer-only block: put the notes or answer key in '??? trainer-only \"…\"'"))
    return errors
