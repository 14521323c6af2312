"""HTML -> tagged PDF with WeasyPrint, and a layout check: nothing may stick out of the page.

Runs in worker processes (see pipeline.py): a Job in, a Result out, both plain data.
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


def stylesheets(fonts):
    """The booklet's stylesheets, in order: the site's fonts, then the print stylesheet."""
    from weasyprint import CSS

    return [CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher()) for path in (FONTS_CSS, CSS_FILE)]
PDF_VARIANT = "pdf/ua-1"  # tagged, /Lang from <html lang>, title from <title>, fonts embedded
TOLERANCE_PX = 1.0  # 0.26 mm: rounding, never a real overflow
PX_PER_MM = 96 / 25.4


@dataclass
class Job:
    name: str  # what the messages call it, e.g. docs/en/booklets/04-x.md
    html: str
    out: str  # PDF path to write
    identifier: str  # sha256 hex, becomes the PDF /ID
    base_url: str  # for relative URLs (images are made absolute before this)
    check_overflow: bool = True
    max_pages: int | None = None  # the printing guide must stay on one page
    sheets: dict = field(default_factory=dict)  # sheet name -> (imposed PDF path, (width, height) in pt)


@dataclass
class Result:
    name: str
    out: str
    pages: int = 0
    seconds: float = 0.0
    impose_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # sentences with the fix


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


def render(job: Job) -> Result:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    start = time.perf_counter()
    result = Result(job.name, job.out)
    log = logging.getLogger("weasyprint")
    collect = _Collect()
    log.addHandler(collect)
    try:
        fonts = FontConfiguration()
        document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher()).render(
            font_config=fonts, stylesheets=stylesheets(fonts), pdf_variant=PDF_VARIANT)
        if job.check_overflow:
            result.problems += overflows(document, job.name)
        result.pages = len(document.pages)
        if job.max_pages and result.pages > job.max_pages:
            result.problems.append(f"{job.name}: is {result.pages} pages long but must fit on {job.max_pages}: shorten its text in data/labels.yml")
        if not result.problems:
            tmp = f"{job.out}.{os.getpid()}.tmp"
            document.write_pdf(tmp, pdf_variant=PDF_VARIANT, pdf_identifier=bytes.fromhex(job.identifier)[:16])
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


def overflows(document, name: str) -> list[str]:
    """Boxes that stick out of the page's text area after layout: a wide table, a long word."""
    from weasyprint.formatting_structure import boxes

    problems: list[str] = []
    width_mm = None
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        left, top = page_box.content_box_x(), page_box.content_box_y()
        right, bottom = left + page_box.width, top + page_box.height
        width_mm = page_box.width / PX_PER_MM

        def walk(box, source, depth=0):
            element = getattr(box, "element", None)
            if element is not None and element.get("data-source"):
                source = element.get("data-source")
            if isinstance(box, boxes.MarginBox):
                return
            if not isinstance(box, (boxes.PageBox,)) and hasattr(box, "border_box_x") and box.width is not None:
                x0 = box.border_box_x()
                x1 = x0 + box.border_width()
                y1 = box.border_box_y() + box.border_height()
                over_x = max(x1 - right, left - x0)
                over_y = y1 - bottom
                if over_x > TOLERANCE_PX or over_y > TOLERANCE_PX:
                    problems.append(_describe(box, source, number, over_x, over_y, width_mm, page_box.height / PX_PER_MM))
                    return  # report the outermost box only
            for child in getattr(box, "children", ()):
                walk(child, source, depth + 1)

        walk(page_box, name)
    return problems


def _describe(box, source, page, over_x, over_y, width_mm, height_mm) -> str:
    from weasyprint.formatting_structure import boxes

    where = source
    element = getattr(box, "element", None)
    tag = getattr(box, "element_tag", "") or ""
    text = " ".join("".join(element.itertext()).split()) if element is not None else ""
    if isinstance(box, boxes.TextBox):
        text = box.text
    snippet = (text[:50] + "…") if len(text) > 50 else text
    table = isinstance(box, boxes.TableBox) or getattr(box, "is_table_wrapper", False) or tag in ("table", "tr", "td", "th", "thead", "tbody")
    if over_x > TOLERANCE_PX:
        mm = over_x / PX_PER_MM
        if table:
            return (f"{where}: a table ('{snippet}') is {mm:.1f} mm wider than the {width_mm:.0f} mm text area of the booklet page "
                    f"(page {page}): use at most 2 short columns in a booklet, or turn the table into a list")
        if tag == "img" or isinstance(box, boxes.ReplacedBox):
            return f"{where}: an image is {mm:.1f} mm wider than the {width_mm:.0f} mm text area (page {page}): make it smaller"
        return (f"{where}: '{snippet}' runs {mm:.1f} mm past the {width_mm:.0f} mm text area (page {page}): "
                "break the long word or address, or shorten the line")
    mm = over_y / PX_PER_MM
    return (f"{where}: '{snippet or tag}' is {mm:.1f} mm taller than what fits on a {height_mm:.0f} mm-high page (page {page}): "
            "split it into smaller parts or make the image smaller")
