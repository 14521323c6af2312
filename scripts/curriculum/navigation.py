"""Top-level navigation order, declared once in mkdocs.yml `extra.nav_order`.

MkDocs builds the navigation from the folders, alphabetically; a trainer expects Home,
Modules, Booklets, Guides, About. Items not named keep their order after the named ones. The
pages' order (the footer's previous and next links) follows the menu.
"""
from __future__ import annotations


def _key(item) -> str:
    """'modules' for a section, 'about.md' for a page, from the files under it."""
    page = item if item.is_page else next((c for c in item.children if c.is_page), None)
    if page is None:
        return ""
    parts = page.file.src_uri.split("/")
    parts = parts[1:] if len(parts) > 1 and len(parts[0]) == 2 else parts  # drop the language folder
    return parts[0] if item.is_section else parts[-1]


def _pages(items):
    for item in items:
        if item.is_page:
            yield item
        elif item.is_section:
            yield from _pages(item.children)


def order(nav, wanted: list[str]):
    rank = {name: i for i, name in enumerate(wanted)}
    nav.items.sort(key=lambda item: rank.get(_key(item), len(rank)))
    nav.pages = list(_pages(nav.items))
    for i, page in enumerate(nav.pages):
        page.previous_page = nav.pages[i - 1] if i else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav
