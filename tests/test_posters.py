"""Awareness-campaign posters: every poster of posters/<lang>/ read back in Letter and A4 (one page,
size, tags, /Lang, title, embedded fonts, headline text), listed on the booklets page and linked
from the campaign guide; a broken source fails the build naming the file and the field."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
import yaml

from test_booklets import fonts_of, norm, with_booklets

from curriculum.booklet.options import SHEETS_PT

REPO = Path(__file__).resolve().parents[1]
PREFIX = {"es": "", "en": "en/"}
MAX_BYTES = 500_000


def posters() -> list[tuple[str, str, str]]:
    """(language, id, paper) of every poster on every paper, at collection time."""
    return [(lang, p.stem, paper) for lang in PREFIX for p in sorted((REPO / "posters" / lang).glob("*.yml")) for paper in ("letter", "a4")]


def source(lang: str, ident: str) -> dict:
    return yaml.safe_load((REPO / "posters" / lang / f"{ident}.yml").read_text(encoding="utf-8"))


def test_the_same_posters_in_every_language():
    ids = {lang: sorted(p.stem for p in (REPO / "posters" / lang).glob("*.yml")) for lang in PREFIX}
    assert ids["es"] == ids["en"] and len(ids["es"]) >= 2, ids
    assert {source("en", i)["design"] for i in ids["en"]} == {"bold", "calm"}, "one bold and one calm design"


@pytest.mark.parametrize("lang,ident,paper", posters(), ids=[f"{lang}/{i}-{paper}" for lang, i, paper in posters()])
def test_poster_is_one_tagged_page_in_its_paper_and_language_with_embedded_fonts_and_its_headline(built_site, lang, ident, paper):
    path = built_site[0] / PREFIX[lang] / "booklets" / "posters" / f"{ident}-{paper}.pdf"
    assert path.stat().st_size <= MAX_BYTES, f"{path.name} is {path.stat().st_size} bytes"
    fields = source(lang, ident)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 1
        box = pdf.pages[0].mediabox
        width, height = float(box[2] - box[0]), float(box[3] - box[1])
        assert abs(width - SHEETS_PT[paper][0]) < 1 and abs(height - SHEETS_PT[paper][1]) < 1, (width, height)
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) is True and "/StructTreeRoot" in root
        assert str(root.Lang) == lang
        assert str(pdf.docinfo.get("/Title", "")) == fields["title"]
        assert root.ViewerPreferences.DisplayDocTitle
        fonts = fonts_of(pdf.pages[0].get("/Resources"))
        assert fonts and all(embedded for _, embedded in fonts), fonts
        assert any("Atkinson" in name for name, _ in fonts), "the site's own typeface"
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext) is missing: run `make test`, which installs it")
    text = norm(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    for needle in (fields["headline"], fields["contacts_label"], fields["points"][-1], fields["action"]):
        assert norm(needle) in text, f"'{needle}' is not on the poster: {text}"


@pytest.mark.parametrize("lang", PREFIX)
def test_posters_are_listed_on_the_booklets_page_and_linked_from_the_campaign_guide(built_site, lang):
    out = built_site[0]
    index = (out / PREFIX[lang] / "booklets" / "index.html").read_text(encoding="utf-8")
    section = index.split('id="posters"')[1]
    for _, ident, paper in [p for p in posters() if p[0] == lang]:
        m = re.search(rf'<a href="posters/{re.escape(ident)}-{paper}\.pdf">([^<]+)</a>', section)
        assert m, f"the Posters section has no link to {ident}-{paper}.pdf"
        assert ("Letter" if paper == "letter" and lang == "en" else "Carta" if paper == "letter" else "A4") in m.group(1)
        assert re.search(r"1\s(page|página)", m.group(1).replace("\u00a0", " ")) and "KB" in m.group(1), m.group(1)
    guide = (out / PREFIX[lang] / "guides" / "awareness-campaign" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../booklets/#posters"' in guide, "the campaign guide links to the Posters section"


def test_a_broken_poster_fails_the_build_naming_the_file_and_field(tiny_site):
    site = with_booklets(tiny_site)
    for lang in PREFIX:
        (site.root / "posters" / lang).mkdir(parents=True, exist_ok=True)
        for src in (REPO / "posters" / lang).glob("*.yml"):
            shutil.copy(src, site.root / "posters" / lang / src.name)
    broken = site.root / "posters" / "en" / "job-offer.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("design: bold", "design: loud"), encoding="utf-8")
    site.fails_with("posters/en/job-offer.yml:3: poster field 'design' must be 'bold' (a strong colour band) or 'calm' (light), got 'loud'")
