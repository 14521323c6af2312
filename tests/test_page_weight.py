"""A module page's first load, served compressed as a host serves it, stays within budget, and no
page loads the search index before the reader searches."""
from __future__ import annotations

from pathlib import Path

import pytest

from curriculum import page_weight


@pytest.fixture(scope="module")
def compressed_site(built_site):
    with page_weight.serve(built_site[0]) as base:
        yield base


REPO = Path(__file__).resolve().parents[1]
MODULES = [(prefix, f"modules/{p.stem}/") for prefix, lang in (("", "es"), ("en/", "en"))
           for p in sorted((REPO / "docs" / lang / "modules").glob("[0-9][0-9]-*.md"))]


@pytest.mark.parametrize("prefix,module", MODULES)
def test_every_module_page_first_load_is_within_budget(browser, compressed_site, prefix, module):
    load = page_weight.first_load(browser, compressed_site + prefix + module)
    assert load.total <= page_weight.BUDGET, f"{load.total} bytes over the budget of {page_weight.BUDGET}:\n{load.table()}"


@pytest.mark.parametrize("kind", sorted(page_weight.PAGE_KINDS))
def test_no_page_kind_loads_the_search_index_before_a_search(browser, compressed_site, kind):
    load = page_weight.first_load(browser, compressed_site + page_weight.PAGE_KINDS[kind])
    assert not [u for u in load.requests if "search_index" in u], load.table()


def test_the_search_index_loads_when_the_reader_starts_a_search(page, compressed_site):
    asked = []
    page.on("request", lambda r: "search_index" in r.url and asked.append(r.url))
    page.goto(compressed_site + page_weight.PAGE_KINDS["module"])
    page.wait_for_load_state("networkidle")
    assert not asked
    page.locator("input.md-search__input").focus()
    page.wait_for_load_state("networkidle")
    assert asked == [compressed_site + "search/search_index.json"]
