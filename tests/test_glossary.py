"""The bilingual glossary (data/glossary.yml): its pages, and its tooltips in modules and guides,
never inside headings, links or code, shown on keyboard focus."""
from __future__ import annotations

import re

import yaml

from conftest import REPO

from curriculum import glossary, terminology, tooltips


def test_at_least_80_terms_each_in_both_languages_with_a_short_definition():
    entries = yaml.safe_load((REPO / "data" / "glossary.yml").read_text(encoding="utf-8"))
    assert len(entries) >= 80
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        for lang in ("es", "en"):
            own = e[lang]
            assert own["term"] and own["forms"], e["id"]
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", own["definition"].strip()) if s]
            assert 1 <= len(sentences) <= 3 or len(own["definition"]) < 450, (e["id"], lang)


def test_the_terminology_check_reads_the_glossary_avoid_lists():
    """One source: a phrase to avoid is declared in the glossary and the check applies it."""
    entries = yaml.safe_load((REPO / "data" / "glossary.yml").read_text(encoding="utf-8"))
    rules = terminology.rules_from({}, entries)
    declared = sum(len(e["avoid"].get(lang, [])) for e in entries if "avoid" in e for lang in ("es", "en"))
    assert declared and sum(len(r) for r in rules.values()) >= declared


def test_glossary_page_has_one_anchor_per_term_and_the_other_language():
    es, en = glossary.page("es"), glossary.page("en")
    for e in glossary.entries():
        assert f"{{ #{e['id']} }}" in es and f"{{ #{e['id']} }}" in en
    assert "*trafficking in persons*{ lang=\"en\" }" in es
    assert "*trata de personas*{ lang=\"es\" }" in en


def test_tooltips_only_in_running_text_and_once_per_term():
    html = ('<h2 id="x">Trafficking in persons</h2>\n<p><a href="#">Trafficking in persons</a> and '
            '<code>Trafficking in persons</code>; then Trafficking\n   in persons, and again Trafficking in persons.</p>'
            '<details><summary>Smuggling Protocol</summary><p>The Smuggling Protocol.</p></details>')
    out = tooltips.annotate(html, "en")
    assert out.count("<abbr") == 2, out
    assert '<h2 id="x">Trafficking in persons</h2>' in out and '<code>Trafficking in persons</code>' in out
    assert re.search(r'<abbr title="[^"]+" tabindex="0">Trafficking\n   in persons</abbr>', out), out  # across lines
    assert out.endswith("again Trafficking in persons.</p><details><summary>Smuggling Protocol</summary>"
                        '<p>The <abbr title="' + out.split('<p>The <abbr title="')[1])


def test_built_modules_and_guides_have_tooltips_never_in_headings_links_or_code(built_site):
    out = built_site[0]
    pages = [*out.glob("modules/0*/index.html"), *out.glob("en/guides/*/index.html")]
    assert pages
    counted = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        counted += article.count("<abbr ")
        for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "summary"):
            for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", article, re.DOTALL):
                assert "<abbr" not in inner, (path, tag, inner[:200])
        titles = re.findall(r'<abbr title="([^"]+)"', article)
        assert len(titles) == len(set(titles)), path  # the first occurrence only
    assert counted > 100


def test_a_term_in_a_module_shows_its_definition_on_keyboard_focus(page, served_site):
    page.goto(served_site + "en/modules/02-human-rights/")
    term = page.locator("article abbr[title]").first
    definition = term.get_attribute("title")
    term.focus()
    tip = page.locator(".md-tooltip2").filter(has_text=definition[:40])
    tip.first.wait_for(state="visible", timeout=5000)
    assert definition[:40] in tip.first.inner_text()


def test_tooltips_are_remembered_per_page_html_and_glossary_version(monkeypatch):
    """Under serve an unchanged page is not matched again; an edited glossary is seen."""
    first = [{"id": "t", "en": {"forms": ["trafficking"], "definition": "One."}}]
    monkeypatch.setattr(tooltips, "entries", lambda: first)
    page = "<p>Trafficking and trafficking.</p>"
    once = tooltips.annotate(page, "en")
    assert 'title="One."' in once
    assert tooltips.annotate(page, "en") is once  # remembered, not made again
    second = [{"id": "t", "en": {"forms": ["trafficking"], "definition": "Two."}}]
    monkeypatch.setattr(tooltips, "entries", lambda: second)
    assert 'title="Two."' in tooltips.annotate(page, "en")
