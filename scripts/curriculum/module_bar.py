"""What overrides/main.html needs: the words of data/labels.yml in the page's language, whether
the page has trainer-only blocks (then it gets the participant-view toggle), and for a module page
the previous and next module (in module order, not navigation order, so module 1 has no
"previous" index page)."""
from __future__ import annotations

import re

from .indexes import labels

TRAINER_ONLY = re.compile(r'class="(?:[^"]*\s)?trainer-only(?:\s[^"]*)?"')


def context(context: dict, page, nav, locale: str) -> dict:
    context["curriculum_labels"] = labels()[locale]
    # a page with trainer-only blocks gets the participant-view toggle (overrides/main.html)
    context["curriculum_trainer_blocks"] = bool(TRAINER_ONLY.search(page.content or ""))
    number = (page.meta or {}).get("module")
    if not number:
        return context
    modules = {p.meta.get("module"): p for p in nav.pages if (p.meta or {}).get("module")}
    context["curriculum_previous_module"] = modules.get(number - 1)
    context["curriculum_next_module"] = modules.get(number + 1)
    ids = set(_ids(page.toc or []))
    context["curriculum_objectives"] = next((i for i in OBJECTIVES if i in ids), "at-a-glance")
    return context


OBJECTIVES = ("learning-objectives", "objectives")  # where a module lists its objectives, else #at-a-glance


def _ids(items):
    for item in items:
        yield item.id
        yield from _ids(item.children)
