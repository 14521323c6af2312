"""What the site's pages show of the kit: the slides and forms tables of the kit pages
(`<!-- curriculum:list slides -->`, `<!-- curriculum:list forms -->`) and the Classroom kit box of
each module page (Present, PowerPoint). Links are Markdown links relative to the page's source,
to files registered by build.files and the booklet pipeline, so MkDocs validates them."""
from __future__ import annotations

from mkdocs.utils import get_relative_url

from .. import data
from ..booklet.pages import _size, insert
from .build import Kit

NBSP = "\u00a0"


def _words(locale: str) -> dict:
    kit = data.load("kit.yml")
    return {**(kit["words"].get(locale) or kit["words"]["en"]), **(kit["forms"].get(locale) or kit["forms"]["en"])}


def _decimal(locale: str) -> dict:
    from ..indexes import labels
    return labels()[locale]


def slides_table(kit: Kit | None, locale: str, page_src: str) -> str:
    """Each module: its presentation (HTML) and its PowerPoint deck with its size and slide count."""
    w, labels = _words(locale), _decimal(locale)
    mine = kit.of(locale) if kit else []
    if not mine:
        return f"*{labels['none_yet']}*"
    rows = [f"| {w['module']} | {w['slides']} | {w['html']} | {w['pptx']} |", "|---|---|---|---|"]
    for s in mine:
        d = s.deck
        module_src = f"{locale}/modules/{d.slug}.md"
        title = d.title.replace("|", "\\|")
        count = f"{len(d.slides)}{NBSP}{w['slides'].lower()}"
        present = f"[{w['present']}]({get_relative_url(s.src_uri('html'), page_src)})"
        pptx = f"[PPTX, {count}, {_size(s.size, labels).replace(' ', NBSP)}]({get_relative_url(s.src_uri('pptx'), page_src)})"
        rows.append(f"| {d.module} | [{title}]({get_relative_url(module_src, page_src)}) | {present} | {pptx} |")
    return "\n".join(rows)


def forms_table(build, locale: str, page_src: str) -> str:
    """Each form on Letter and on A4, with its pages and size (the booklet pipeline's entries of kind form)."""
    w, labels = _words(locale), _decimal(locale)
    forms = build.of(locale, "form") if build else []
    if not forms:
        return f"*{labels['none_yet']}*"
    papers = list(dict.fromkeys(e.paper for e in forms))
    rows = [f"| {labels['title']} | " + " | ".join(w["paper_" + p] for p in papers) + f" | {labels['date']} |",
            "|---|" + "---|" * len(papers) + "---|"]
    for group in dict.fromkeys(e.group for e in forms):
        mine = {e.paper: e for e in forms if e.group == group}
        first = next(iter(mine.values()))
        cells = []
        for p in papers:
            e = mine[p]
            pages = labels["one_page"] if e.pages == 1 else f"{e.pages}{NBSP}{labels['pages']}"
            cells.append(f"[PDF, {w['paper_' + p]}, {pages}, {_size(e.size, labels).replace(' ', NBSP)}]({get_relative_url(e.src_uri(), page_src)})")
        title = w[group.split("-")[0] + "_title"] if group != "certificate" else w["certificate_title"]
        rows.append(f"| {title} | " + " | ".join(cells) + f" | {first.date} |")
    return "\n".join(rows)


def with_present(markdown: str, abs_src_path: str, page_src: str, kit: Kit | None) -> str:
    """A module page gets a Classroom kit box at the end of #at-a-glance: Present, PowerPoint."""
    s = kit.for_page(abs_src_path) if kit else None
    if s is None:
        return markdown
    w, labels = _words(s.deck.locale), _decimal(s.deck.locale)
    present = f"[{w['present']}]({get_relative_url(s.src_uri('html'), page_src)})"
    pptx = f"[{w['slides']}: {w['download_pptx']}]({get_relative_url(s.src_uri('pptx'), page_src)}) ({_size(s.size, labels).replace(' ', NBSP)})"
    box = f'!!! info "{w["kit"]}"\n\n    {present}: {w["present_hint"]}. {pptx}.\n'
    return insert(markdown, box, "at-a-glance")
