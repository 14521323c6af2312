"""Trainer and participant views: by address, by the toggle, in print and without JavaScript;
the module bar, the trainer-notes page and the pages for trainers pass axe."""
from __future__ import annotations

import re

import pytest

MODULE = "en/modules/05-victim-identification-and-protection/"


def visible(page, selector):
    return [el.is_visible() for el in page.locator(selector).all()]


def test_view_participant_in_the_address_hides_trainer_content_on_first_load(page, served_site):
    # The inline script in the head hides them before the first paint, with no help from
    # participant-view.js (blocked here), so trainer notes never flash on a projector.
    page.route("**/participant-view.js", lambda route: route.abort())
    page.goto(served_site + MODULE + "?view=participant")
    assert page.locator(".trainer-only").count() >= 2 and not any(visible(page, ".trainer-only"))
    page.unroute("**/participant-view.js")
    page.goto(served_site + MODULE + "?view=participant")
    assert page.locator(".participant-toggle button").get_attribute("aria-pressed") == "true"
    page.goto(served_site + "modules/02-human-rights/")  # remembered on the next page, other language
    assert not any(visible(page, ".trainer-only"))
    page.goto(served_site + "modules/02-human-rights/?view=trainer")
    assert all(visible(page, ".trainer-only > .admonition-title, .trainer-only > summary"))
    page.goto(served_site + MODULE)
    assert page.locator(".trainer-only").first.is_visible()


def test_without_javascript_trainer_content_stays_visible(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + MODULE + "?view=participant")
        assert page.locator(".trainer-only").first.is_visible()
    finally:
        context.close()


def test_print_hides_navigation_and_trainer_content_and_shows_the_handout_header(page, served_site):
    page.goto(served_site + MODULE + "?view=trainer")
    assert page.locator(".trainer-only").first.is_visible() and page.locator(".module-bar").is_visible()
    page.emulate_media(media="print")
    assert not any(visible(page, ".trainer-only"))
    assert not page.locator("#trainer-notes").is_visible()  # a section of trainer-only blocks goes with them
    assert page.locator("#knowledge-check").is_visible() and page.locator("#session-plan").is_visible()
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".module-bar", ".participant-toggle", ".md-footer"):
        assert not any(visible(page, selector)), selector
    meta = page.locator(".handout-meta")
    assert meta.is_visible()
    text = meta.inner_text()
    assert "Module 5" in text and re.search(r"\d{4}", text) and "/en/modules/05-victim-identification-and-protection/" in text
    assert page.locator("h1").is_visible()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


def test_the_print_button_switches_to_the_participant_view(page, served_site):
    page.goto(served_site + MODULE + "?view=trainer")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.locator(".module-bar .print-handout").click()
    assert page.evaluate("window.__printed") is True
    assert "participant-view" in page.evaluate("document.documentElement.className")
    assert not any(visible(page, ".trainer-only")) and not page.locator("#trainer-notes").is_visible()


def test_module_bar_goes_to_the_previous_and_next_module_and_the_session_plan(page, served_site):
    page.goto(served_site + "en/modules/02-human-rights/")
    bar = page.locator(".module-bar")
    assert bar.locator("a[rel=prev]").get_attribute("href").endswith("01-trafficking-and-smuggling/")
    assert bar.locator("a[rel=next]").get_attribute("href").endswith("03-criminal-investigation/")
    bar.locator("a[href='#session-plan']").click()
    assert page.url.endswith("#session-plan")
    page.goto(served_site + "en/modules/01-trafficking-and-smuggling/")
    assert page.locator(".module-bar a[rel=prev]").count() == 0


def test_trainer_notes_page_collects_every_module_in_order_with_links_back(built_site):
    out = built_site[0]
    for prefix in ("", "en/"):
        html = (out / prefix / "trainer-notes" / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<h2 id="module-(\d)"', html)
        assert ids == [str(n) for n in range(1, 9)], ids
        backs = re.findall(r'href="\.\./modules/0(\d)-[\w-]+/#([\w-]+)"', html)
        assert {n for n, _ in backs} == {str(n) for n in range(1, 9)}
        assert any(anchor == "knowledge-check" or anchor == "questions" for _, anchor in backs)
        assert html.count('class="admonition trainer-only"') >= 8 * 3


@pytest.mark.parametrize("path", ["glossary/", "en/glossary/", "course-planner/", "en/trainer-notes/",
                                  "en/modules/02-human-rights/?view=participant", "modules/02-human-rights/"])
def test_axe_finds_nothing_on_the_pages_for_trainers(page, served_site, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    violations = results.response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
