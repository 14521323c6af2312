"""The offline copies: each language's zip, unpacked, opens from file:// in headless Chromium
with the network blocked; a module link, the language switch and search work."""
from __future__ import annotations

import zipfile

import pytest

SEARCH = {"es": "proteccion", "en": "protection"}  # Spanish without its accent: folding works offline


@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory):
    site = built_site[0]
    out = tmp_path_factory.mktemp("offline")
    for lang, prefix in (("es", ""), ("en", "en/")):
        with zipfile.ZipFile(site / prefix / "offline" / f"curriculum-{lang}-offline.zip") as z:
            z.extractall(out)
    return out


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    leaks = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (leaks.append(route.request.url), route.abort()))
    page = context.new_page()
    yield page, leaks
    context.close()


def test_each_copy_holds_its_own_downloads_and_links_the_others_online(built_site):
    site = built_site[0]
    with zipfile.ZipFile(site / "offline" / "curriculum-es-offline.zip") as z:
        names = set(z.namelist())
        english_booklets = z.read("curriculum-es/en/booklets/index.html").decode()
    assert "curriculum-es/booklets/01-trafficking-and-smuggling.pdf" in names
    assert "curriculum-es/en/booklets/01-trafficking-and-smuggling.pdf" not in names
    assert "curriculum-es/en/booklets/01-trafficking-and-smuggling.html" in names
    assert f'href="{built_site[1]}en/booklets/01-trafficking-and-smuggling.pdf"' in english_booklets
    assert not [n for n in names if n.endswith("search_index.json")]  # the copy reads search_index.js


@pytest.mark.parametrize("lang,prefix,other", [("es", "", "en"), ("en", "en/", "es")])
def test_the_copy_works_from_file_with_no_network(offline_page, unpacked, lang, prefix, other):
    page, leaks = offline_page
    root = unpacked / f"curriculum-{lang}"
    start = {"es": "ABRIR-AQUI.html", "en": "OPEN-HERE.html"}[lang]
    page.goto((root / start).as_uri())
    page.wait_for_url(f"**/curriculum-{lang}/{prefix}index.html")
    assert page.locator("html").get_attribute("lang") == lang

    page.goto((root / prefix / "modules" / "index.html").as_uri())
    page.locator("article a[href*='05-victim-identification-and-protection']").first.click()
    page.wait_for_url(f"**/{prefix}modules/05-victim-identification-and-protection.html")
    assert page.locator("h1").inner_text().startswith(("Módulo 5", "Module 5"))

    box = page.locator("input.md-search__input")
    page.locator("label.md-header__button[for=__search]").click()
    box.press_sequentially(SEARCH[lang], delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    hrefs = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
    assert hrefs and all(h.startswith("file:") for h in hrefs), hrefs
    assert all(("/en/" in h) == (lang == "en") for h in hrefs), hrefs
    page.keyboard.press("Escape")

    page.locator(".md-select button").first.click()  # the language button, as a tap opens it
    page.locator(f"a.md-select__link[hreflang='{other}']").first.click()
    page.wait_for_load_state("load")
    other_prefix = "en/" if other == "en" else ""
    assert page.url.endswith(f"curriculum-{lang}/{other_prefix}modules/05-victim-identification-and-protection.html"), page.url
    assert page.locator("html").get_attribute("lang") == other
    assert not [u for u in leaks if "search" in u or u.endswith((".js", ".css"))], leaks
