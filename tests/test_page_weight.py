"""A module page's first load, served compressed as a host serves it, stays within budget, and no
page loads the search index before the reader searches."""
from __future__ import annotations

import pytest

from conftest import REPO
from curriculum import page_weight


@pytest.fixture(scope="module")
def compressed_site(built_site):
    with page_weight.serve(built_site[0]) as base:
        yield base


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


SHIFT_BUDGET = 0.01  # Lighthouse gives full marks below 0.1; the toggle inserted after paint was 0.064


@pytest.mark.parametrize("prefix,module", MODULES)
def test_nothing_moves_on_a_module_page_after_it_first_paints(browser, compressed_site, prefix, module):
    """Cumulative layout shift on a phone-sized screen, from the first paint to two seconds after
    load: the participant-view toggle and the print button are in the page's HTML, and the
    self-check is built only when the reader comes near it (issue 18)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, device_scale_factor=1.75)
    try:
        page = context.new_page()
        page.add_init_script("""window.__shifts = []; new PerformanceObserver(list => { for (const e of list.getEntries())
            if (!e.hadRecentInput) window.__shifts.push([e.value, e.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?').join(' ')]); })
            .observe({type: 'layout-shift', buffered: true});""")
        page.goto(compressed_site + prefix + module)
        page.wait_for_load_state("load")
        page.wait_for_timeout(2000)
        assert page.locator(".participant-toggle button").is_visible()
        assert page.locator(".kc-self").count() == 0, "the self-check was built at load"
        shifts = page.evaluate("window.__shifts")
        assert sum(v for v, _ in shifts) <= SHIFT_BUDGET, shifts
    finally:
        context.close()


PAGE = ('<html><head></head><body><p>x</p>\n<script id="__config" type="application/json">{"base": "."}</script>\n'
        '  {tail}\n  </body>\n</html>')


def test_the_script_loader_keeps_the_scripts_and_their_order():
    from curriculum import script_loader

    tail = '<script src="a/bundle.js"></script>\n   <script src="b.js"></script>\n <script src="c.js"></script>'
    html = script_loader.after_parse(PAGE.replace("{tail}", tail))
    assert "<script src=" not in html and html.endswith("</body>\n</html>")
    assert script_loader.addresses(html) == ["a/bundle.js", "b.js", "c.js"]
    for tail in ('<script src="a.js" type="module"></script>', '<script src="a.js"></script><p>after</p>', ""):
        page = PAGE.replace("{tail}", tail)
        assert script_loader.after_parse(page) == page  # anything but plain tags: left as the theme wrote it
    assert script_loader.after_parse("<p>no config</p></body>") == "<p>no config</p></body>"


def test_every_page_loads_the_theme_script_first_once_parsed(built_site):
    """Every built page of both languages and the 404 pages: the theme's script, then ours in
    mkdocs.yml's order, through the loader; no closing tags left. (The offline copies are built
    through the same hook; tests/test_offline.py uses their search and switch.)"""
    import re

    import yaml

    from curriculum import script_loader

    out = built_site[0]
    ours = [s if isinstance(s, str) else s["path"] for s in
            yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra_javascript"]]
    pages = sorted(out.rglob("*.html"))
    theme_pages = [p for p in pages if '<script id="__config"' in p.read_text(encoding="utf-8")]
    sources = [p for lang in ("es", "en") for p in (REPO / "docs" / lang).rglob("*.md")]
    assert len(theme_pages) == len(sources) + 2, "a Markdown page without the theme's page, or a 404 page missing"
    for path in theme_pages:
        html = path.read_text(encoding="utf-8")
        srcs = script_loader.addresses(html)
        assert srcs, f"{path.relative_to(out)}: the scripts are closing tags, not loaded once parsed (a script with type, async or defer in extra_javascript?)"
        assert re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", srcs[0]), (path, srcs)
        assert [s.split("assets/", 1)[-1] for s in srcs[1:]] == [s.split("assets/", 1)[-1] for s in ours], (path, srcs)
        assert not re.search(r'<script src="[^"]*"></script>\s*</body>', html), path


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_theme_runs_after_the_first_paint_and_is_wired(browser, compressed_site, prefix):
    """The page paints before the theme's script runs; Material, which listens for DOMContentLoaded
    only, gets it again from the loader once, and its keyboard shortcut then opens the search."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script("""window.__events = [];
            document.addEventListener('DOMContentLoaded', e => window.__events.push([e.isTrusted ? 'parsed' : 'wired', performance.now()]));""")
        page.goto(compressed_site + prefix + page_weight.PAGE_KINDS["module"])
        page.wait_for_function("window.curriculumReady === true", timeout=10_000)
        events = page.evaluate("window.__events")
        assert [name for name, _ in events] == ["parsed", "wired"]
        paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        assert paint < events[1][1], f"first paint at {paint:.0f} ms, theme wired at {events[1][1]:.0f} ms"
        assert page.evaluate("typeof window.component$") == "object"
        assert not page.evaluate("document.getElementById('__search').checked")
        page.keyboard.press("f")  # Material's shortcut for the search
        page.wait_for_function("document.getElementById('__search').checked", timeout=5000)
        assert page.locator(".participant-toggle button").is_visible()
    finally:
        context.close()
