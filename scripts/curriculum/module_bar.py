"""What overrides/main.html needs for a module page: the previous and next module (in module
order, not navigation order, so module 1 has no "previous" index page) and the words of
data/labels.yml in the page's language."""
from __future__ import annotations

from .indexes import labels


def context(context: dict, page, nav, locale: str) -> dict:
    context["curriculum_labels"] = labels()[locale]
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
