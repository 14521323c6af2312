"""What a reader does, in headless Chromium: switch language, search, mistype an address."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import SITE_URL


def open_search(page, query):
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)  # Material searches on key events, as a reader types
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)
    return [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]


def test_language_switch_lands_on_the_translated_page(page, served_site):
    page.goto(served_site + "about/")
    page.wait_for_load_state("networkidle")  # Material has read the sitemaps: its own switch logic runs
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(served_site + "en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("About the project")
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link[hreflang='es']").click()
    page.wait_for_url(served_site + "about/")
    assert page.locator("h1").inner_text().startswith("Acerca del proyecto")


def test_spanish_search(page, served_site):
    page.goto(served_site)
    hrefs = open_search(page, "protección")
    paths = {urlsplit(h).path for h in hrefs}
    assert paths, "no results for protección"
    assert not any("/en/" in p for p in paths), paths


def test_accented_and_plain_spanish_queries_find_the_same_page(page, served_site):
    """Typed with or without its accent, a word finds the same best Spanish page."""
    page.goto(served_site)
    with_accent = [urlsplit(h).path for h in open_search(page, "protección")]
    page.goto(served_site)
    without = [urlsplit(h).path for h in open_search(page, "proteccion")]
    module5 = "/modules/05-victim-identification-and-protection/"  # "protección" is in its title
    assert module5 in with_accent and module5 in without
    assert not any(p.startswith("/en/") for p in with_accent + without)


def test_english_search_returns_english_pages_only(page, served_site):
    # "Atkinson" (the typeface) appears on the about page in both languages.
    page.goto(served_site + "en/")
    hrefs = open_search(page, "Atkinson")
    paths = [urlsplit(h).path for h in hrefs]
    assert paths and all(p.startswith("/en/") for p in paths), paths


def test_spanish_search_returns_spanish_pages_only(page, served_site):
    page.goto(served_site)
    paths = [urlsplit(h).path for h in open_search(page, "Atkinson")]
    assert paths and not any(p.startswith("/en/") for p in paths), paths


def test_missing_page_under_en_shows_the_english_404(page, served_site):
    page.goto(served_site + "en/no-such-page/")
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=10000)
    assert "404" in page.locator("h1").inner_text()
    page.goto(served_site + "no-existe/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "404" in page.locator("h1").inner_text()


PAGES = ["", "about/", "modules/", "guides/", "booklets/", "en/", "en/about/", "en/modules/", "en/guides/"]


def test_no_request_leaves_the_site_and_none_fails(page, served_site):
    host = urlsplit(served_site).netloc
    seen, bad = [], []
    page.on("request", lambda r: seen.append(r.url))
    page.on("response", lambda r: r.status >= 400 and bad.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: bad.append(f"failed {r.url}"))
    for path in PAGES:
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    page.goto(served_site + "modules/")
    open_search(page, "módulo")
    page.wait_for_load_state("networkidle")
    assert seen
    own = {host, urlsplit(SITE_URL).netloc}  # SITE_URL: the site's own address (absolute hreflang links)
    outside = [u for u in seen if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc not in own]
    assert not outside, outside
    assert not bad, bad


def test_keyboard_focus_is_visible(page, served_site):
    page.goto(served_site + "about/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


def test_participant_view_hides_trainer_only_blocks_and_is_remembered(page, served_site):
    page.goto(served_site + "en/modules/05-victim-identification-and-protection/")
    blocks = page.locator(".trainer-only")
    assert blocks.count() >= 2 and blocks.first.is_visible()
    label = page.locator(".trainer-only > .admonition-title, .trainer-only > summary").first
    assert label.is_visible() and label.inner_text().strip()  # every trainer-only block is labelled
    toggle = page.locator(".participant-toggle button")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert not any(b.is_visible() for b in blocks.all())
    page.goto(served_site + "modules/05-victim-identification-and-protection/")  # Spanish, same browser
    assert not any(b.is_visible() for b in page.locator(".trainer-only").all())
    page.locator(".participant-toggle button").click()
    assert page.locator(".trainer-only").first.is_visible()


def test_language_switch_on_a_module_page(page, served_site):
    page.goto(served_site + "modules/07-child-trafficking/")
    page.wait_for_load_state("networkidle")  # Material has read the sitemaps: its own switch logic runs
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(served_site + "en/modules/07-child-trafficking/")
    assert page.locator("html").get_attribute("lang") == "en"
