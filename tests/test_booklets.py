"""Pocket booklets: every PDF read back (size, tags, language, title, fonts, contents), the
imposed sheets in saddle-stitch order, the cache, and bad input failing the build clearly."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import BOOKLET, tiny_module

from curriculum.booklet.impose import logical_order, sheet_layout
from curriculum.booklet.options import SHEETS_PT
from curriculum.source import parse

REPO = Path(__file__).resolve().parents[1]
PREFIX = {"es": "", "en": "en/"}
MM = 72 / 25.4
A6 = (105, 148)
MAX_BYTES = 1_500_000


def sources(lang: str) -> list[Path]:
    """The modules' booklet sources."""
    return sorted((REPO / "docs" / lang / "booklets").glob("[0-9][0-9]-*.md"))


def protocol_sources(lang: str) -> list[Path]:
    """The protocols' booklet sources: docs/<lang>/booklets/<protocol>.md."""
    return sorted(p for p in (REPO / "docs" / lang / "booklets").glob("*.md") if p.name != "index.md" and not p.name[:2].isdigit())


def protocols() -> list[tuple[str, str]]:
    """(language, slug) of every protocol booklet, at collection time."""
    return [(lang, p.stem) for lang in PREFIX for p in protocol_sources(lang)]


def booklet_pdfs() -> list[tuple[str, str]]:
    """(language, file name without .pdf) of every booklet (modules and protocols) and complete guide, at collection time."""
    return ([(lang, p.stem) for lang in PREFIX for p in sources(lang)] + protocols()
            + [(lang, "complete-guide") for lang in PREFIX])


def pdf_path(out: Path, lang: str, stem: str) -> Path:
    return out / PREFIX[lang] / "booklets" / f"{stem}.pdf"


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def plain(markdown_text: str) -> str:
    """A heading's text without Markdown emphasis, code or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    return norm(re.sub(r"[*_`]", "", text))


_texts: dict[Path, list[str]] = {}


def page_texts(path: Path) -> list[str]:
    if path not in _texts:
        _texts[path] = [page.extract_text() or "" for page in PdfReader(path).pages]
    return _texts[path]


# --- Which PDFs exist ------------------------------------------------------------------------------

def test_one_booklet_per_module_and_a_complete_guide_per_language(built_site):
    out = built_site[0]
    for lang, prefix in PREFIX.items():
        modules = sorted((REPO / "docs" / lang / "modules").glob("[0-9][0-9]-*.md"))
        assert [p.name for p in sources(lang)] == [m.name for m in modules], "one booklet source per module, same slug"
        protocol_pages = sorted(p.name for p in (REPO / "docs" / lang / "guides").glob("*.md") if parse(p).meta.get("kind") == "protocol")
        assert protocol_pages and [p.name for p in protocol_sources(lang)] == protocol_pages, "one booklet source per protocol, same file name"
        found = sorted(p.name for p in (out / prefix / "booklets").glob("*.pdf"))
        assert found == sorted([p.stem + ".pdf" for p in sources(lang) + protocol_sources(lang)] + ["complete-guide.pdf"])
        prints = sorted(p.name for p in (out / prefix / "booklets" / "print").glob("*.pdf"))
        expected = sorted([f"{stem}-{sheet}.pdf" for _, stem in booklet_pdfs() if _ == lang for sheet in ("a4", "letter")]
                          + ["printing-guide.pdf"])
        assert prints == expected
    assert len([p for p in out.rglob("booklets/*.pdf")]) == len(booklet_pdfs())


# --- Each booklet read back ----------------------------------------------------------------------

def fonts_of(resources, seen=None) -> list[tuple[str, bool]]:
    """(name, embedded) of every font under a resource dictionary, Form XObjects included."""
    seen = set() if seen is None else seen
    found = []
    if resources is None:
        return found
    for font in (resources.get("/Font") or {}).values():
        key = font.objgen
        if key in seen:
            continue
        seen.add(key)
        descendant = font.get("/DescendantFonts")
        target = descendant[0] if descendant is not None else font
        descriptor = target.get("/FontDescriptor")
        embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        found.append((str(font.get("/BaseFont")), embedded))
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            found += fonts_of(xobject.get("/Resources"), seen)
    return found


@pytest.mark.parametrize("lang,stem", booklet_pdfs(), ids=[f"{lang}/{stem}" for lang, stem in booklet_pdfs()])
def test_pdf_is_a6_tagged_titled_in_its_language_with_embedded_fonts(built_site, lang, stem):
    path = pdf_path(built_site[0], lang, stem)
    assert path.stat().st_size <= MAX_BYTES, f"{path.name} is {path.stat().st_size} bytes"
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            box = page.mediabox
            size = (float(box[2] - box[0]) / MM, float(box[3] - box[1]) / MM)
            assert abs(size[0] - A6[0]) <= 1 and abs(size[1] - A6[1]) <= 1, f"page {number} is {size[0]:.1f} × {size[1]:.1f} mm"
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) is True
        assert "/StructTreeRoot" in root
        assert str(root.Lang) == lang
        title = str(pdf.docinfo.get("/Title", ""))
        assert len(title) > 3
        with pdf.open_metadata() as xmp:
            assert xmp.get("dc:title"), "XMP metadata carries the title too"
        assert root.ViewerPreferences.DisplayDocTitle
        fonts = [f for page in pdf.pages for f in fonts_of(page.get("/Resources"))]
        assert fonts and all(embedded for _, embedded in fonts), fonts
        assert any("Atkinson" in name for name, _ in fonts), "the site's own typeface"


TOC_TITLES = {"Contents", "Contenido"}


def toc_entries(texts: list[str]) -> list[tuple[str, int]]:
    """(title, page) from the contents pages: lines ending in a dot leader and a page number; a
    title that wraps continues the line before."""
    entries = []
    for text in texts[1:]:
        lines = [line for line in text.split("\n") if line.strip() not in TOC_TITLES]
        if not any(re.search(r"(\.\s?){3,}\s*\d+\s*$", line) for line in lines):
            if entries:
                break
            continue
        pending = ""
        for line in lines:
            m = re.match(r"^(.*?)\s*(?:\.\s?)+\s*(\d+)\s*$", line)  # a short leader may be one dot
            if m:
                entries.append((norm(pending + " " + m.group(1)), int(m.group(2))))
                pending = ""
            else:
                pending = line  # the first line of a wrapped title (or the running header, dropped)
    return entries


@pytest.mark.parametrize("lang,stem", booklet_pdfs(), ids=[f"{lang}/{stem}" for lang, stem in booklet_pdfs()])
def test_contents_page_numbers_are_where_the_headings_are(built_site, lang, stem):
    texts = page_texts(pdf_path(built_site[0], lang, stem))
    entries = toc_entries(texts)
    expected = len(parse(sources(lang)[0]).headings)  # at least as many as one booklet has sections
    assert len(entries) >= min(6, expected), entries
    for title, number in entries:
        assert 1 <= number <= len(texts), f"'{title}' points at page {number} of {len(texts)}"
        assert title in norm(texts[number - 1]), f"'{title}' is not on page {number}"
        assert not any(title == norm(line) for line in texts[number - 2].split("\n")), \
            f"'{title}' is a line of page {number - 1} already, but the contents say page {number}"


def assert_headings_and_checklist_in(source: Path, text: str) -> None:
    """Every heading and every checklist item of a booklet source is in its PDF's text."""
    page = parse(source)
    for heading in page.headings:
        assert plain(heading.text) in text, f"{source.name}: heading '{heading.text}' is missing from the PDF"
    for line in page.lines[page.body_start - 1:]:
        if m := re.match(r"^\s*- \[ \] (.+)$", line):
            assert plain(m.group(1)) in text, f"{source.name}: checklist item '{m.group(1)}' is missing"


@pytest.mark.parametrize("lang", PREFIX)
def test_every_heading_of_the_source_and_the_key_messages_are_in_the_pdf(built_site, lang):
    for source in sources(lang):
        text = norm(" ".join(page_texts(pdf_path(built_site[0], lang, source.stem))))
        assert_headings_and_checklist_in(source, text)
        module = parse(next((REPO / "docs" / lang / "modules").glob(source.name[:3] + "*.md")))
        start, end = module.section("key-messages")
        first_message = next(line for line in module.lines[start:end] if line.startswith("- "))
        assert plain(first_message[2:])[:40] in text, f"{source.name}: the module's key messages are missing"


@pytest.mark.parametrize("lang,slug", protocols(), ids=[f"{lang}/{slug}" for lang, slug in protocols()])
def test_protocol_booklet_prints_its_own_sections_and_no_key_messages(built_site, lang, slug):
    source = REPO / "docs" / lang / "booklets" / f"{slug}.md"
    texts = page_texts(pdf_path(built_site[0], lang, slug))
    text = norm(" ".join(texts))
    assert_headings_and_checklist_in(source, text)
    assert "Key messages" not in text and "Mensajes clave" not in text, "a protocol's booklet prints no module's key messages"
    with pikepdf.open(pdf_path(built_site[0], lang, slug)) as pdf:
        assert "protocol" in str(pdf.docinfo.get("/Title", "")).lower() or "protocolo" in str(pdf.docinfo.get("/Title", "")).lower()


def figure_alts(path: Path) -> list[str]:
    """The alternative text of every tagged figure of a PDF (the QR code is one)."""
    figures = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.S == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            walk(node.get("/K"))

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot.K)
    return figures


def test_cover_has_module_language_edition_revision_and_qr_code(built_site):
    out, url = built_site[0], built_site[1]
    stem = sources("en")[0].stem
    path = pdf_path(out, "en", stem)
    cover = norm(page_texts(path)[0])
    module_url = f"{url}en/modules/{stem}/"
    for needed in ("Module 1", "Pocket booklet", "Language English", "Edition", "Source revision"):
        assert needed.lower() in cover.lower(), f"'{needed}' is not on the cover: {cover}"
    assert module_url in cover.replace(" ", ""), "the cover prints the module's address under the QR code"
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    assert (rev or "unversioned") in cover
    figures = figure_alts(path)
    assert any(module_url in alt for alt in figures), f"the QR code is a tagged figure whose text names {module_url}: {figures}"
    back = norm(page_texts(path)[-1])
    assert "CC BY 4.0" in back and "Independent project" in back and "My local contacts" in back


@pytest.mark.parametrize("lang,slug", protocols(), ids=[f"{lang}/{slug}" for lang, slug in protocols()])
def test_protocol_cover_has_kicker_language_edition_and_qr_code_to_the_protocol_page(built_site, lang, slug):
    out, url = built_site[0], built_site[1]
    path = pdf_path(out, lang, slug)
    cover = norm(page_texts(path)[0])
    protocol_url = f"{url}{PREFIX[lang]}guides/{slug}/"
    needed = (("Protocol · Pocket booklet", "Language English", "Edition", "Source revision") if lang == "en" else
              ("Protocolo · Cuadernillo de bolsillo", "Idioma Español", "Edición", "Revisión de la fuente"))
    for needle in needed:
        assert needle.lower() in cover.lower(), f"'{needle}' is not on the cover: {cover}"
    assert protocol_url in cover.replace(" ", ""), "the cover prints the protocol page's address under the QR code"
    figures = figure_alts(path)
    assert any(protocol_url in alt for alt in figures), f"the QR code is a tagged figure whose text names {protocol_url}: {figures}"
    back = norm(page_texts(path)[-1])
    assert "CC BY 4.0" in back and ("My local contacts" in back or "Mis contactos locales" in back)


# --- Print-ready sheets ----------------------------------------------------------------------------

def test_saddle_stitch_layout_pairs_pages_back_to_back():
    assert logical_order(10) == [0, 1, 2, 3, 4, 5, 6, 7, 8, None, None, None, None, None, None, 9]
    assert logical_order(16) == list(range(16))
    assert sheet_layout(16) == [([16, 1, 14, 3], [2, 15, 4, 13]), ([12, 5, 10, 7], [6, 11, 8, 9])]
    for total in (8, 16, 24, 64):
        sheets = sheet_layout(total)
        placed = sorted(n for front, back in sheets for n in front + back)
        assert placed == list(range(1, total + 1))
        for front, back in sheets:
            for row in (0, 2):  # one half sheet; flipped on the long edge, left and right swap
                assert front[row] + front[row + 1] == total + 1 and back[row] + back[row + 1] == total + 1
                for recto_side, verso_side in ((front[row], back[row + 1]), (front[row + 1], back[row])):
                    leaf = sorted((recto_side, verso_side))
                    assert leaf[1] == leaf[0] + 1 and leaf[0] % 2 == 1, f"{leaf}: a leaf is an odd page and the next one"


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def crop_text(path: Path, page: int, x: float, y: float, w: float, h: float) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-r", "72", "-x", str(int(x) + 1), "-y", str(int(y) + 1),
                          "-W", str(int(w) - 2), "-H", str(int(h) - 2), str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def whole_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


IMPOSED = ([("es", None, "a4"), ("en", None, "letter"), ("en", "complete-guide", "a4")]
           + [(lang, slug, sheet) for lang, slug in protocols() for sheet in ("a4", "letter")])  # every protocol's booklet, both papers


@pytest.mark.parametrize("lang,stem,sheet", IMPOSED, ids=[f"{lang}/{stem or 'first'}/{sheet}" for lang, stem, sheet in IMPOSED])
def test_imposed_sheets_hold_the_pages_in_saddle_stitch_order(built_site, lang, stem, sheet):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext) is missing: run `make test`, which installs it")
    out = built_site[0]
    stem = stem or sources(lang)[0].stem
    a6 = pdf_path(out, lang, stem)
    imposed = out / PREFIX[lang] / "booklets" / "print" / f"{stem}-{sheet}.pdf"
    count = len(PdfReader(a6).pages)
    order = logical_order(count)
    total = len(order)
    reader = PdfReader(imposed)
    assert total % 8 == 0 and len(reader.pages) == total // 4
    sw, sh = SHEETS_PT[sheet]
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - sw) < 1 and abs(float(page.mediabox.height) - sh) < 1
    pw, ph = A6[0] * MM, A6[1] * MM
    scale = min(1.0, sw / (2 * pw), sh / (2 * ph))
    cw, ch = pw * scale, ph * scale
    x0, y0 = (sw - 2 * cw) / 2, (sh - 2 * ch) / 2
    cells = [(x0, y0), (x0 + cw, y0), (x0, y0 + ch), (x0 + cw, y0 + ch)]  # from the top, as pdftotext counts
    side = 0
    for front, back in sheet_layout(total):
        for logical_pages in (front, back):
            side += 1
            for (x, y), logical in zip(cells, logical_pages):
                got = words(crop_text(imposed, side, x, y, cw, ch))
                index = order[logical - 1]
                if index is None:
                    assert not got, f"side {side}: page {logical} should be blank, has {sorted(got)[:8]}"
                    continue
                want = words(whole_text(a6, index + 1))
                overlap = len(got & want) / max(1, len(got | want))
                assert overlap > 0.9, f"side {side}, quarter for page {logical}: holds other text ({overlap:.2f})"


# --- The site links to them -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", PREFIX)
def test_booklets_page_lists_each_pdf_with_pages_size_and_date_and_modules_link_to_theirs(built_site, lang):
    out = built_site[0]
    index = (out / PREFIX[lang] / "booklets" / "index.html").read_text(encoding="utf-8")
    for _, stem in [b for b in booklet_pdfs() if b[0] == lang]:
        pdf = pdf_path(out, lang, stem)
        pages = len(PdfReader(pdf).pages)
        m = re.search(rf'<a href="{re.escape(stem)}\.pdf">([^<]+)</a>', index)
        assert m, f"booklets page has no link to {stem}.pdf"
        assert re.search(rf"\b{pages}\s(pages|págs\.)", m.group(1).replace("\u00a0", " ")), m.group(1)
        assert "KB" in m.group(1) or "MB" in m.group(1)
        for sheet in ("a4", "letter"):
            assert f'href="print/{stem}-{sheet}.pdf"' in index
    assert re.search(r"<td>\d{4}-\d\d-\d\d</td>", index), "each row has its edition date"
    assert 'href="print/printing-guide.pdf"' in index
    for source in sources(lang):
        page = (out / PREFIX[lang] / "modules" / source.stem / "index.html").read_text(encoding="utf-8")
        assert f'href="../../booklets/{source.stem}.pdf"' in page, f"module {source.stem} has no link to its booklet"
    protocols_section = index.split('id="protocols"')[1].split('id="posters"')[0]
    for source in protocol_sources(lang):
        assert f'href="{source.stem}.pdf"' in protocols_section, f"the Protocols table has no row for {source.stem}"
        page = (out / PREFIX[lang] / "guides" / source.stem / "index.html").read_text(encoding="utf-8")
        assert f'href="../../booklets/{source.stem}.pdf"' in page, f"protocol {source.stem} has no download box"
        assert f'href="../../booklets/print/{source.stem}-a4.pdf"' in page


def test_printing_guide_is_one_page_in_each_language(built_site):
    out = built_site[0]
    for lang, needle in (("es", "doble cara"), ("en", "two-sided")):
        path = out / PREFIX[lang] / "booklets" / "print" / "printing-guide.pdf"
        texts = page_texts(path)
        assert len(texts) == 1 and needle in norm(texts[0])
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == lang


# --- Cache and options, on a tiny site ---------------------------------------------------------

MODULE = {"es": tiny_module(1, "es", "Trata y tráfico", "La trata no necesita frontera."),
          "en": tiny_module(1, "en", "Trafficking and smuggling", "Trafficking needs no border.")}

def with_booklets(site, es_booklet=None, en_booklet=None):
    return site.write({
        "es/modules/01-trafficking.md": MODULE["es"], "en/modules/01-trafficking.md": MODULE["en"],
        "es/booklets/01-trafficking.md": es_booklet or BOOKLET["es"], "en/booklets/01-trafficking.md": en_booklet or BOOKLET["en"],
    })


def rendered(result) -> int:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    m = re.search(r"Booklets: \d+ PDFs, rendered (\d+)", output)
    assert m, output
    return int(m.group(1))


def test_cache_skips_unchanged_booklets_and_renders_a_changed_one(tiny_site):
    site = with_booklets(tiny_site)
    assert rendered(site.build()) == 10  # per language: the booklet, the complete guide, the printing guide, the kit's tests on two papers
    assert rendered(site.build()) == 0
    # A part of the module page that no booklet prints: nothing to render.
    site.write({"es/modules/01-trafficking.md": MODULE["es"].replace("Texto del contenido.", "Otro texto del contenido.")})
    assert rendered(site.build()) == 0
    # The Spanish booklet changes: its PDF and the Spanish complete guide, nothing else.
    site.write({"es/booklets/01-trafficking.md": BOOKLET["es"].replace("Separe a la persona.", "Separe a la persona con calma.")})
    assert rendered(site.build()) == 2
    # The module's key messages are printed in its booklet.
    site.write({"en/modules/01-trafficking.md": MODULE["en"].replace("Trafficking needs no border.", "Trafficking needs no border at all.")})
    assert rendered(site.build()) == 2
    pdf = site.root / "site" / "en" / "booklets" / "01-trafficking.pdf"
    assert "Trafficking needs no border at all." in norm(" ".join(p.extract_text() for p in PdfReader(pdf).pages))


def test_page_size_comes_from_mkdocs_yml(tiny_site):
    site = with_booklets(tiny_site)
    site.configure(extra={"booklets": {"page_size": "100mm 150mm", "sheets": ["A4"]}})
    assert rendered(site.build()) == 10  # 6 booklets and guides, 4 of the kit's tests (2 languages, 2 papers)
    out = site.root / "site"
    page = PdfReader(out / "booklets" / "01-trafficking.pdf").pages[0]
    assert round(float(page.mediabox.width) / MM) == 100 and round(float(page.mediabox.height) / MM) == 150
    assert (out / "booklets" / "print" / "01-trafficking-a4.pdf").exists()
    assert not (out / "booklets" / "print" / "01-trafficking-letter.pdf").exists()
    site.configure(extra={"booklets": {"page_size": "A7"}})
    assert rendered(site.build()) == 10
    page = PdfReader(out / "en" / "booklets" / "01-trafficking.pdf").pages[0]
    assert round(float(page.mediabox.width) / MM) == 74 and round(float(page.mediabox.height) / MM) == 105


# --- Bad input fails the build, naming the file and the fix -----------------------------------------

@pytest.mark.parametrize("number,needle", [(9, "must be an integer 1-8"), (3, "refers to module 3, which has no page")])
def test_booklet_for_an_unknown_module(tiny_site, number, needle):
    site = with_booklets(tiny_site, *(BOOKLET[lang].replace("booklet: 1", f"booklet: {number}") for lang in ("es", "en")))
    site.fails_with("docs/es/booklets/01-trafficking.md", needle)


def test_a_protocol_page_without_its_booklet_fails_the_build(tiny_site):
    from test_checks import PROTOCOL
    site = with_booklets(tiny_site).write({f"{lang}/guides/first-contact.md": PROTOCOL[lang] for lang in PROTOCOL})
    site.fails_with("docs/es/guides/first-contact.md:2: a protocol page gets a pocket booklet, but there is no docs/es/booklets/first-contact.md")


def test_a_long_address_in_a_table_wraps_inside_the_page(tiny_site):
    """booklet.css keeps content inside the pocket page: an unbreakable address in a table wraps."""
    address = "fiscalia.especializada.contra.la.trata.de.personas@ministerio-publico.example.org"
    wide = f"| Institución | Correo |\n|---|---|\n| Fiscalía | `{address}` |\n"
    site = with_booklets(tiny_site, *(BOOKLET[lang].replace("| Institución | Contacto |\n|---|---|\n| Fiscalía | |\n", wide)
                                      for lang in ("es", "en")))
    assert rendered(site.build()) == 10  # with the kit's tests
    pdf = site.root / "site" / "booklets" / "01-trafficking.pdf"
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext) is missing: run `make test`, which installs it")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page_width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    right_margin = page_width - 8 * MM
    words = [(w, float(x)) for x, w in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]
    assert any("fiscalia" in w for w, _ in words)
    outside = [(w, x) for w, x in words if x > right_margin + 1]
    assert not outside, f"past the right margin ({right_margin:.0f} pt): {outside}"


def test_links_to_the_pdfs_are_validated_by_mkdocs(tiny_site):
    """The PDFs are MkDocs files: a page may link to one, and --strict rejects a link to none."""
    page = ("---\ntitle: Home\ndescription: Home page of a minimal test site.\n---\n\n# Home\n\n"
                                 "## Victim protection { #victim-protection }\n\n"
                                 "[Booklet](booklets/01-trafficking.pdf), [A4](booklets/print/01-trafficking-a4.pdf), "
                                 "[missing](booklets/09-missing.pdf).\n")
    site = with_booklets(tiny_site).write({"en/index.md": page})
    output = site.fails_with("booklets/09-missing.pdf")
    assert "01-trafficking.pdf" not in output.split("Aborted")[-1] and "01-trafficking-a4.pdf" not in output
    site.write({"en/index.md": page.replace(", [missing](booklets/09-missing.pdf)", "")})
    rendered(site.build())


def test_booklet_markdown_is_converted_once_per_text_and_again_after_an_edit(tmp_path, monkeypatch):
    """The booklet plan converts every booklet on every rebuild under serve; the same text is
    converted once, an edited one again."""
    import markdown

    from curriculum.booklet import paper

    made = []
    real = markdown.Markdown
    monkeypatch.setattr(paper.markdown, "Markdown", lambda *a, **k: made.append(1) or real(*a, **k))
    site = paper.Site("https://example.org/", "", tmp_path, True, ("toc", "tables"), {})
    text = "## One { #one }\n\nText " + tmp_path.name + ".\n"  # a text no other test converts
    first = paper.render(text, tmp_path / "p.md", site, "p")
    assert paper.render(text, tmp_path / "p.md", site, "p") == first and len(made) == 1
    edited = paper.render(text.replace("Text", "Edited text"), tmp_path / "p.md", site, "p")
    assert "Edited text" in edited[0] and len(made) == 2
