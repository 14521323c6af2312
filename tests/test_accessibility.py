"""axe-core (WCAG 2.2 A and AA) on every built page of both languages, the participant view and a
page with the search open; the keyboard reaches every control of a module page."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, show_self_check

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_paths() -> list[str]:
    """Every page of docs/<lang>/ as the site serves it (directory URLs), both languages, and the
    404 page of each: read from the sources, so a new page is tested without a list to update."""
    paths = []
    for lang, prefix in (("es", ""), ("en", "en/")):
        root = REPO / "docs" / lang
        for md in sorted(root.rglob("*.md")):
            rel = md.relative_to(root).with_suffix("").as_posix()
            rel = rel.removesuffix("index")
            paths.append(prefix + (rel + "/" if rel and not rel.endswith("/") else rel))
        paths.append(prefix + "no-such-page/")
    return paths


def violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


@pytest.mark.parametrize("path", page_paths())
def test_axe_finds_nothing_on_the_page(page, served_site, path):
    page.goto(served_site + path)
    if "no-such-page" in path:  # the English 404 is reached by a redirect from the root one
        page.wait_for_function(f"document.documentElement.lang === '{'en' if path.startswith('en/') else 'es'}'")
    page.wait_for_load_state("load")
    assert not violations(page)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_nothing_in_the_participant_view(page, served_site, prefix):
    page.goto(served_site + prefix + "modules/05-victim-identification-and-protection/?view=participant")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('participant-view')")
    assert not violations(page)
    show_self_check(page)  # and once the reader has scrolled to the self-check
    assert not violations(page)


@pytest.mark.parametrize("prefix,query", [("", "protección"), ("en/", "protection")])
def test_axe_finds_nothing_with_the_search_open(page, served_site, prefix, query):
    page.goto(served_site + prefix + "modules/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    assert not violations(page)


def test_checklists_are_labelled(page, served_site):
    page.goto(served_site + "booklets/01-trafficking-and-smuggling/")
    boxes = page.locator(".task-list-item input[type=checkbox]").all()
    assert boxes
    for box in boxes:
        assert box.get_attribute("aria-label"), box.evaluate("b => b.closest('li').outerHTML")


def test_the_keyboard_reaches_every_control_of_a_module_page(page, served_site):
    """Tab from the top: every link, button, input and summary a reader can use gets focus."""
    page.goto(served_site + "en/modules/05-victim-identification-and-protection/")
    page.wait_for_load_state("load")
    show_self_check(page)  # built when the reader comes near it: its controls count too
    page.evaluate("window.scrollTo(0, 0)")
    controls = page.evaluate("""() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})
                     && !e.closest('[hidden]'))  // shown: not in a closed <details> (its summary is), not hidden
        .map((e, i) => (e.dataset.kbd = i, i))""")
    reached = set()
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        n = page.evaluate("document.activeElement && document.activeElement.dataset.kbd")
        if n is not None:
            reached.add(int(n))
    # A group of radio buttons is one stop of the Tab key (the arrow keys move inside it): the
    # group is reached when one of its buttons is.
    groups = page.evaluate("""ids => ids.map(i => { const e = document.querySelector(`[data-kbd='${i}']`);
        return e.type === 'radio' && e.name ? e.name : null; })""", controls)
    reached_groups = {groups[i] for i in reached if groups[i]}
    missed = page.evaluate("ids => ids.map(i => document.querySelector(`[data-kbd='${i}']`).outerHTML.slice(0, 120))",
                           [i for i in controls if i not in reached and not (groups[i] and groups[i] in reached_groups)])
    assert not missed, missed
    assert any(groups), "the module page has no self-check radio groups: the test no longer covers them"
