"""Top-level navigation order (extra.nav_order), in the menu and in the footer's previous/next."""
from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from curriculum import navigation

PAGES = ["index.md", "about.md", "modules/index.md", "modules/01-a.md", "modules/02-b.md", "booklets/index.md"]


def nav_of(tmp_path):
    docs = tmp_path / "docs"
    for rel in PAGES:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(f"# {rel}\n", encoding="utf-8")
    config = load_config(config_file=None, site_name="t", docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    files = get_files(config)
    return get_navigation(files, config)


def test_order_applies_to_the_menu_and_to_previous_and_next(tmp_path):
    nav = navigation.order(nav_of(tmp_path), ["index.md", "modules", "booklets", "about.md"])
    assert [p.file.src_uri for p in nav.pages] == ["index.md", "modules/index.md", "modules/01-a.md", "modules/02-b.md",
                                                   "booklets/index.md", "about.md"]
    home, *_, about = nav.pages
    assert home.previous_page is None and home.next_page.file.src_uri == "modules/index.md"
    last_module = nav.pages[3]
    assert last_module.next_page.file.src_uri == "booklets/index.md"
    assert about.previous_page.file.src_uri == "booklets/index.md" and about.next_page is None
    for a, b in zip(nav.pages, nav.pages[1:]):
        assert a.next_page is b and b.previous_page is a
