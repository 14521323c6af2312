"""HTML -> tagged PDF with WeasyPrint, and its imposed sheets.

Runs in worker processes: a Job in, a Result out, both plain data. WeasyPrint's warnings (a dropped image, an unknown CSS rule)
fail the build; booklet.css keeps content inside the page (long words wrap, images shrink).
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

CSS_FILE = Path(__file__).with_name("booklet.css")
# The site's own @font-face rules (Atkinson Hyperlegible), shared with the web pages.
FONTS_CSS = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "stylesheets" / "fonts.css"
ITALIC_CSS = Path(__file__).resolve().with_name("fonts-italic.css")  # the web pages ship no italic face


def stylesheets(fonts, css: str = "booklet.css"):
    """The document's stylesheets, in order: the site's fonts, then the print stylesheet
    (booklet.css, poster.css for a poster, kit.css for the kit's tests), both next to this file."""
    from weasyprint import CSS

    return [CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher()) for path in (FONTS_CSS, ITALIC_CSS, _own(css))]


def _own(css: str) -> Path:
    """The print stylesheet: a name next to this file, or an absolute path (the kit's forms bring their own)."""
    return Path(css) if Path(css).is_absolute() else CSS_FILE.with_name(css)


_shared: dict = {}


def shared_styles(css: str):
    """One FontConfiguration and parsed stylesheets per process, reused by every job it renders:
    decoding the WOFF2 fonts of fonts.css took about half of a small document's render time.
    Keyed by the stylesheets' modification times, so an edit under `mkdocs serve` is seen."""
    from weasyprint.text.fonts import FontConfiguration

    key = (css, FONTS_CSS.stat().st_mtime_ns, ITALIC_CSS.stat().st_mtime_ns, _own(css).stat().st_mtime_ns)
    if key not in _shared:
        fonts = _shared.get("fonts") or FontConfiguration()
        _shared["fonts"] = fonts
        _shared[key] = stylesheets(fonts, css)
    return _shared["fonts"], _shared[key]


PDF_VARIANT = "pdf/ua-1"  # tagged, /Lang from <html lang>, title from <title>, fonts embedded


@dataclass
class Job:
    name: str  # what the messages call it, e.g. docs/en/booklets/04-x.md
    html: str
    out: str  # PDF path to write
    identifier: str  # sha256 hex, becomes the PDF /ID
    base_url: str  # for relative URLs (images are made absolute before this)
    max_pages: int | None = None  # the printing guide must stay on one page
    sheets: dict = field(default_factory=dict)  # sheet name -> (imposed PDF path, (width, height) in pt)
    css: str = "booklet.css"  # the print stylesheet next to this file
    fill: tuple[str, str] | None = None  # (grow, limit) classes: the first element grows down to the second (a poster's write-in box)
    forms: bool = False  # HTML inputs become PDF form fields (WeasyPrint's pdf_forms): the kit's fillable forms
    parts: dict = field(default_factory=dict)  # part -> (PDF path, title): the pages from id="part-<part>" on, as a PDF of their own


@dataclass
class Result:
    name: str
    out: str
    pages: int = 0
    seconds: float = 0.0
    impose_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # sentences with the fix
    part_pages: dict = field(default_factory=dict)  # part -> pages


def fetcher():
    from weasyprint.urls import URLFetcher
    # Offline by construction: fonts, images and the QR code are files or data: URLs.
    return URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _filled_height(page, grow: str, limit: str) -> float | None:
    """The height (CSS px) that makes the element of class `grow` reach down to the top of the
    element of class `limit` (positioned at the page's foot), or None if either is missing."""
    def find(name):
        return next((b for b in _boxes(page._page_box)
                     if getattr(b, "element", None) is not None and name in (b.element.get("class") or "").split()), None)
    g, lim = find(grow), find(limit)
    if g is None or lim is None:
        return None
    bottom = g.position_y + g.margin_height()
    free = lim.position_y - bottom
    return g.height + free if free > 0 else None


def _write_parts(document, job: Job) -> dict:
    """Each part of the document (from the page that holds its id="part-<name>" anchor to the next
    part) as a tagged PDF of its own, with its own title; returns the page count of each."""
    starts = {}
    for i, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("part-") and anchor[5:] in job.parts:
                starts.setdefault(anchor[5:], i)
    missing = set(job.parts) - set(starts)
    if missing:
        raise ValueError(f"the template has no element with id part-{sorted(missing)[0]}")
    order = sorted(starts, key=starts.get)
    pages = {}
    title = document.metadata.title
    for k, name in enumerate(order):
        end = starts[order[k + 1]] if k + 1 < len(order) else len(document.pages)
        out, part_title = job.parts[name]
        part = document.copy(document.pages[starts[name]:end])
        document.metadata.title = part_title
        tmp = f"{out}.{os.getpid()}.tmp"
        part.write_pdf(tmp, pdf_variant=PDF_VARIANT, pdf_identifier=bytes.fromhex(job.identifier)[16:32] or None)
        os.replace(tmp, out)
        pages[name] = end - starts[name]
    document.metadata.title = title
    return pages


def render(job: Job) -> Result:
    from weasyprint import HTML
    start = time.perf_counter()
    result = Result(job.name, job.out)
    log = logging.getLogger("weasyprint")
    collect = _Collect()
    log.addHandler(collect)
    try:
        fonts, sheets = shared_styles(job.css)
        html = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher())
        forms = {"pdf_forms": True} if job.forms else {}
        document = html.render(font_config=fonts, stylesheets=sheets, pdf_variant=PDF_VARIANT, **forms)
        if job.fill and len(document.pages) == 1 and (height := _filled_height(document.pages[0], *job.fill)):
            from weasyprint import CSS
            grow = CSS(string=f".{job.fill[0]} {{ height: {height:.2f}px; }}", font_config=fonts)
            document = html.render(font_config=fonts, stylesheets=[*sheets, grow], pdf_variant=PDF_VARIANT)
        result.pages = len(document.pages)
        if job.max_pages and result.pages > job.max_pages:
            fix = ("shorten its text" if job.css == "poster.css" else "shorten its words in data/kit.yml (forms) or kit/form.css"
                   if job.forms else "shorten its text in data/labels.yml")
            result.problems.append(f"{job.name}: is {result.pages} pages long but must fit on {job.max_pages}: {fix}")
        if not result.problems:
            tmp = f"{job.out}.{os.getpid()}.tmp"
            if job.parts:  # only the parts are published: the cache's own entry is an empty marker
                result.part_pages = _write_parts(document, job)
                Path(tmp).write_bytes(b"")
            else:
                document.write_pdf(tmp, pdf_variant=PDF_VARIANT, pdf_identifier=bytes.fromhex(job.identifier)[:16], **forms)
            os.replace(tmp, job.out)
            result.seconds = time.perf_counter() - start
            from .impose import impose
            for out, size in job.sheets.values():
                impose(Path(job.out), Path(out), size)
            result.impose_seconds = time.perf_counter() - start - result.seconds
    except Exception as exc:  # noqa: BLE001 - reported to the build with the booklet's name
        result.problems.append(f"{job.name}: WeasyPrint could not render it ({type(exc).__name__}: {exc}): check the Markdown and images of the booklet")
    finally:
        log.removeHandler(collect)
    for message in dict.fromkeys(collect.messages):  # once each
        result.problems.append(f"{job.name}: WeasyPrint: {message}: fix the source or scripts/curriculum/booklet/booklet.css so that nothing is dropped")
    if not result.seconds:
        result.seconds = time.perf_counter() - start
    return result
