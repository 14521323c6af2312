"""The classroom kit: slides as PowerPoint and as an HTML presentation, and fillable forms, made
from the module sources in both languages (scripts/curriculum/kit/)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, tiny_module

LANGS = {"es": "", "en": "en/"}
MODULES = sorted(p.stem for p in (REPO / "docs" / "en" / "modules").glob("0*.md"))
FONT = "Atkinson Hyperlegible"


def plain(text: str) -> str:
    return " ".join(re.sub(r"(\*\*|__|\*|`)", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)).split())


def plan_rows(lang: str, slug: str) -> list[tuple[str, int, str]]:
    """The session plan's rows (segment, minutes, method), the Total row left out, read here
    from the table itself rather than through the slide model."""
    from curriculum.session_plan import minutes_column, plan_table
    from curriculum.source import parse

    table = plan_table(parse(REPO / "docs" / lang / "modules" / f"{slug}.md"))
    col = minutes_column(table.header)
    rows = [r for r in table.rows if not re.search(r"total", " ".join(r), re.I)]
    return [(plain(r[0]), int(re.sub(r"[*_\s]", "", r[col])), plain(r[2])) for r in rows]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", MODULES)
def test_every_module_has_a_deck_with_a_slide_per_segment_and_its_notes(built_site, lang, slug):
    from pptx import Presentation

    out = built_site[0]
    deck = Presentation(str(out / LANGS[lang] / "kit" / "slides" / f"{slug}.pptx"))
    rows = plan_rows(lang, slug)
    slides = list(deck.slides)
    assert len(slides) == len(rows) + 2, f"{lang} {slug}: {len(slides)} slides for {len(rows)} segments"
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in slides]
    assert all(n.strip() for n in notes), f"{lang} {slug}: a slide has no speaker notes"
    for n, ((segment, minutes, method), text) in enumerate(zip(rows, notes[1:-1]), start=1):
        title = re.sub(r"^\d+\.\s*", "", segment)
        assert f" {n} " in text.split("\n")[0] and title in text, f"{lang} {slug}: the notes of slide {n + 1} are not segment {n}:\n{text}"
        assert re.search(rf"\b{minutes}\b", text) and (method in text or method in ("", "—")), f"{lang} {slug}: slide {n + 1}:\n{text}"
    xml = slides[1].shapes.title._element.xml
    assert f'typeface="{FONT}"' in xml, "the deck names the site's typeface"
    key = [p.text for p in slides[-1].placeholders[1].text_frame.paragraphs if p.text]
    assert 5 <= len(key) <= 8, f"{lang} {slug}: the last slide shows the key messages"


@pytest.mark.parametrize("lang", LANGS)
def test_presentations_run_offline_with_keyboard_and_notes(browser, built_site, lang):
    """Opened from a copy on disk (file://) with every other request blocked: reveal.js starts,
    the arrow key moves to the next slide, and each slide carries its speaker notes."""
    out = built_site[0]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    elsewhere: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            return route.continue_()
        elsewhere.append(route.request.url)
        return route.abort()
    context.route("**/*", only_files)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: failed.append(str(e)))
    try:
        for slug in MODULES:
            page.goto((out / LANGS[lang] / "kit" / "present" / f"{slug}.html").as_uri())
            page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
            total = len(plan_rows(lang, slug)) + 2
            assert page.evaluate("Reveal.getTotalSlides()") == total
            assert page.locator(".slides > section > aside.notes").count() == total
            assert page.evaluate("Reveal.hasPlugin('notes')")
            assert page.evaluate("document.fonts.check('30px \"Atkinson Hyperlegible\"')")
            page.keyboard.press("ArrowRight")
            page.wait_for_function("Reveal.getIndices().h === 1")
            assert page.locator("section.present h2").inner_text().strip()
    finally:
        context.close()
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert not failed, failed


def test_speaker_view_shows_the_notes_offline(browser, built_site):
    """S opens reveal.js's speaker view (the notes plugin) from a file:// copy, with the notes of the slide."""
    out = built_site[0]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    elsewhere: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file://", "about:", "data:", "blob:"))
                  else (elsewhere.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.goto((out / "en" / "kit" / "present" / f"{MODULES[3]}.html").as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
        page.keyboard.press("ArrowRight")
        with context.expect_page() as opened:
            page.keyboard.press("s")
        view = opened.value
        segment, minutes, _ = plan_rows("en", MODULES[3])[0]
        view.wait_for_function("document.body && document.body.innerText.includes('Segment 1 of')", timeout=30_000)
        assert f"{minutes} minutes" in view.locator("body").inner_text()
    finally:
        context.close()
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def test_module_pages_link_to_their_presentation_and_deck(built_site):
    out = built_site[0]
    for lang, prefix in LANGS.items():
        for slug in MODULES:
            html = (out / prefix / "modules" / slug / "index.html").read_text(encoding="utf-8")
            assert f'href="../../kit/present/{slug}.html"' in html, f"{lang} {slug}: no Present link"
            assert f'href="../../kit/slides/{slug}.pptx"' in html, f"{lang} {slug}: no PowerPoint link"
        kit = (out / prefix / "kit" / "slides" / "index.html").read_text(encoding="utf-8")
        assert all(f"../present/{slug}.html" in kit for slug in MODULES)


FIELDS = {
    "evaluation-form": {"course", "dates", "place", "trainers", "institution", "role-1", "overall-1", "overall-6",
                        "m1-attended", "m1-part-1", "m8-part-5", "m1-objective-1", "m8-objective-1",
                        "use_first", "missing", "change", "comments"},
    "attendance-sheet": {"course", "place", "date-1", "date-5", "trainer", "name-1", "institution-1", "day-1-1",
                         "name-30", "institution-30", "day-5-30"},
    "certificate": {"participant", "course", "place", "dates", "hours", "signed-place-date", "signatory-1", "signatory-2"},
}
SIZES = {"letter": (612, 792), "a4": (595, 842)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", FIELDS)
@pytest.mark.parametrize("paper", SIZES)
def test_forms_are_fillable_pdfs_on_letter_and_a4(built_site, lang, form, paper):
    from pypdf import PdfReader

    reader = PdfReader(str(built_site[0] / LANGS[lang] / "kit" / "forms" / f"{form}-{paper}.pdf"))
    fields = set(reader.get_fields() or {})
    assert FIELDS[form] <= fields, f"missing fields: {sorted(FIELDS[form] - fields)}"
    for p in reader.pages:
        size = sorted(round(float(x)) for x in (p.mediabox.width, p.mediabox.height))
        assert size == sorted(SIZES[paper]), f"page size {size}, not {paper}"
    assert reader.trailer["/Root"]["/Lang"] == lang
    if form == "attendance-sheet":
        assert sum(1 for f in fields if re.fullmatch(r"name-\d+", f)) == 30
    if form == "certificate":
        assert len(reader.pages) == 1
        text = reader.pages[0].extract_text()
        assert ("participation only" if lang == "en" else "solo la participación") in text


def test_forms_follow_the_modules_objectives(built_site):
    from pypdf import PdfReader

    from curriculum.source import parse

    reader = PdfReader(str(built_site[0] / "en" / "kit" / "forms" / "evaluation-form-a4.pdf"))
    fields = set(reader.get_fields() or {})
    for slug in MODULES:
        meta = parse(REPO / "docs" / "en" / "modules" / f"{slug}.md").meta
        n, objectives = meta["module"], meta["objectives"]
        assert f"m{n}-objective-{len(objectives)}" in fields and f"m{n}-objective-{len(objectives) + 1}" not in fields


def test_a_session_plan_row_that_maps_to_nothing_names_the_file_and_the_row():
    from curriculum.kit import slide_model
    from curriculum.source import parse_text

    pages = []
    for lang in ("es", "en"):
        text = tiny_module(1, lang, "Trata y tráfico").replace("| Caso | 30 | Grupos | Hojas |",
                                                              "| Caso | 20 | Grupos | Hojas |\n| Zzzz qqqq | 10 | Plenaria | Nada |")
        rel = f"docs/{lang}/modules/01-trafficking.md"
        pages.append((parse_text(text, Path(rel)), rel, lang))
    with pytest.raises(slide_model.KitError) as caught:
        slide_model.mappings(pages)
    line = next(i for i, t in enumerate(pages[0][0].lines, start=1) if t.startswith("| Zzzz"))
    message = str(caught.value)
    for lang in ("es", "en"):
        assert f"docs/{lang}/modules/01-trafficking.md:{line}: session plan row 3 ('Zzzz qqqq')" in message, message


def test_the_build_stops_on_a_session_plan_row_without_content(tiny_site):
    module = {lang: tiny_module(1, lang, "Trata y tráfico").replace("| Caso | 30 | Grupos | Hojas |",
                                                                     "| Caso | 20 | Grupos | Hojas |\n| Zzzz qqqq | 10 | Plenaria | Nada |")
              for lang in ("es", "en")}
    tiny_site.write({f"{lang}/modules/01-trafficking.md": text for lang, text in module.items()})
    tiny_site.fails_with("docs/es/modules/01-trafficking.md:", "session plan row 3 ('Zzzz qqqq')", "so its slide would be empty")
