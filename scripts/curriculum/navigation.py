"""Top-level navigation order, declared once in mkdocs.yml `extra.nav_order`.

MkDocs builds the navigation from the folders, alphabetically; a trainer expects Home,
Modules, Booklets, Guides, About. Items not named keep their order after the named ones.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError


def _key(item) -> str:
    """'modules' for a section, 'about.md' for a page, from the files under it."""
    page = item if item.is_page else next((c for c in item.children if c.is_page), None)
    if page is None:
        return ""
    parts = page.file.src_uri.split("/")
    parts = parts[1:] if len(parts) > 1 and len(parts[0]) == 2 else parts  # drop the language folder
    return parts[0] if item.is_section else parts[-1]


def order(nav, wanted: list[str]):
    if not isinstance(wanted, list):
        raise PluginError("mkdocs.yml: extra.nav_order must be a list of top-level files and folders, e.g. [index.md, modules]")
    rank = {name: i for i, name in enumerate(wanted)}
    nav.items.sort(key=lambda item: rank.get(_key(item), len(rank)))
    return nav
