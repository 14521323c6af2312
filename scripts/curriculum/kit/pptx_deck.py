"""A Deck (slide_model.py) -> an editable PowerPoint file (python-pptx).

16:9, the default template's "Title Slide" and "Title and Content" layouts, so that an institution
can change the theme, add its logo, reorder or edit slides as in any deck: titles and bullets stay
in their placeholders, the speaker notes in the notes pane. Our look is set on the text itself: the
site's typeface (Atkinson Hyperlegible, named on every run; PowerPoint cannot embed it from here, so
a machine without it shows a fallback) and palette (overrides/assets/stylesheets/curriculum.css):
the dark blue primary for the title band, the dark orange accent for the rule under it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .slide_model import Deck

FONT = "Atkinson Hyperlegible"
PRIMARY = "0B3D5C"  # --md-primary-fg-color
PRIMARY_DARK = "072A40"
ACCENT = "8A3B00"  # --md-accent-fg-color
TEXT = "1A1A1A"
MUTED = "555555"
BREAK_BG = "E8EEF2"
LANG = {"es": "es-419", "en": "en-US"}


def _rgb(hex_: str):
    from pptx.dml.color import RGBColor
    return RGBColor.from_string(hex_)


def _style(run, size: float, color: str = TEXT, bold: bool = False, locale: str = "en"):
    from pptx.util import Pt
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(color)
    run._r.get_or_add_rPr().set("lang", LANG.get(locale, locale))


def _paragraphs(frame, items: list[tuple[str, int]], size: float, color: str, locale: str, bullets: bool = True):
    from pptx.util import Pt
    frame.clear()
    frame.word_wrap = True
    for n, (text, level) in enumerate(items):
        p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        p.level = level
        p.space_after = Pt(6)
        run = p.add_run()
        run.text = text
        _style(run, size - 2 * level, color, locale=locale)
        if not bullets:
            pPr = p._p.get_or_add_pPr()
            pPr.set("indent", "0")
            pPr.set("marL", "0")
            from lxml import etree
            etree.SubElement(pPr, "{http://schemas.openxmlformats.org/drawingml/2006/main}buNone")


def _rect(slide, left, top, width, height, color: str, behind: bool = True):
    from pptx.enum.shapes import MSO_SHAPE
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(color)
    shape.line.fill.background()
    shape.shadow.inherit = False
    if behind:  # first in the shape tree: drawn under the placeholders
        tree = slide.shapes._spTree
        tree.remove(shape._element)
        tree.insert(2, shape._element)
    return shape


def _footer(slide, prs, text: str, locale: str):
    from pptx.util import Emu, Pt
    box = slide.shapes.add_textbox(Emu(int(prs.slide_width * 0.05)), Emu(int(prs.slide_height * 0.92)),
                                   Emu(int(prs.slide_width * 0.9)), Emu(int(prs.slide_height * 0.06)))
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    _style(run, 12, MUTED, locale=locale)
    frame.paragraphs[0].space_after = Pt(0)


def _fit(items: list[tuple[str, int]], width_in: float, height_pt: float) -> int:
    """The largest type size (pt) at which the bullets fit the body placeholder, by an estimate of
    the characters per line (about half an em each) and 1.2 line height plus the space after each."""
    import math
    for size in (24, 22, 20, 18, 16, 14):
        lines = 0
        for text, level in items:
            per_line = max(20, int((width_in - 0.4 * (level + 1)) * 72 / (0.5 * (size - 2 * level))))
            lines += math.ceil(len(text) / per_line)
        if lines * size * 1.2 + len(items) * 6 <= height_pt:
            return size
    return 14


def write(deck: Deck, out: Path, date: str) -> Path:
    """Write the deck to `out` (a .pptx file); `date` (YYYY-MM-DD) goes into its properties."""
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    W, H = prs.slide_width, prs.slide_height
    words = deck.words
    band = Emu(int(H * 0.2))
    module = f"{words['module']} {deck.module}"
    for s in deck.slides:
        if s.kind == "title":
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            _rect(slide, 0, 0, W, H, PRIMARY)
            _rect(slide, Emu(int(W * 0.08)), Emu(int(H * 0.62)), Emu(int(W * 0.12)), Emu(int(H * 0.012)), "FFD27A")
            title, sub = slide.shapes.title, slide.placeholders[1]
            title.left, title.top, title.width, title.height = Emu(int(W * 0.08)), Emu(int(H * 0.18)), Emu(int(W * 0.84)), Emu(int(H * 0.42))
            sub.left, sub.top, sub.width, sub.height = Emu(int(W * 0.08)), Emu(int(H * 0.66)), Emu(int(W * 0.84)), Emu(int(H * 0.26))
            _paragraphs(title.text_frame, [(module, 0), (s.title, 0)], 40, "FFFFFF", deck.locale, bullets=False)
            first = title.text_frame.paragraphs[0].runs[0]
            _style(first, 22, "FFD27A", bold=True, locale=deck.locale)
            title.text_frame.paragraphs[1].runs[0].font.bold = True
            _paragraphs(sub.text_frame, [(p.text, 0) for p in s.points] + [(words["title_meta"].format(
                minutes=deck.minutes, segments=sum(1 for x in deck.slides if x.number)), 0)], 20, "FFFFFF", deck.locale, bullets=False)
            from pptx.enum.text import PP_ALIGN
            for frame in (title.text_frame, sub.text_frame):
                for p in frame.paragraphs:
                    p.alignment = PP_ALIGN.LEFT
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            dark = s.kind == "break"
            _rect(slide, 0, 0, W, band, PRIMARY)
            _rect(slide, 0, band, W, Emu(int(H * 0.012)), ACCENT)
            if dark:  # inserted last at the bottom of the shape tree: under the band
                _rect(slide, 0, 0, W, H, BREAK_BG)
            title, body = slide.shapes.title, slide.placeholders[1]
            title.left, title.top, title.width, title.height = Emu(int(W * 0.05)), Emu(int(H * 0.02)), Emu(int(W * 0.9)), Emu(int(band - H * 0.04))
            body.left, body.top, body.width, body.height = Emu(int(W * 0.05)), Emu(int(H * 0.26)), Emu(int(W * 0.9)), Emu(int(H * 0.64))
            kicker = (f"{words['segment']} {s.number}" if s.number else module)
            _paragraphs(title.text_frame, [(kicker, 0), (s.title, 0)], 30 if len(s.title) < 60 else 24, "FFFFFF", deck.locale, bullets=False)
            _style(title.text_frame.paragraphs[0].runs[0], 16, "FFD27A", bold=True, locale=deck.locale)
            title.text_frame.paragraphs[1].runs[0].font.bold = True
            from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
            title.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            for p in title.text_frame.paragraphs:
                p.alignment = PP_ALIGN.LEFT
                p.space_after = Pt(0)
            size = 40 if dark else _fit([(p.text, p.level) for p in s.points], body.width / 914400, body.height / 12700)
            _paragraphs(body.text_frame, [(p.text, p.level) for p in s.points], size, PRIMARY_DARK if dark else TEXT,
                        deck.locale, bullets=not dark)
            if s.number:
                _footer(slide, prs, " · ".join(x for x in (module, f"{s.minutes} {words['minutes']}", s.method) if x.strip("—-– ")), deck.locale)
            else:
                _footer(slide, prs, f"{module} · {deck.title}", deck.locale)
        slide.notes_slide.notes_text_frame.text = s.notes
    props = prs.core_properties
    props.title = f"{module}. {deck.title}"
    props.subject = words["slides"]
    props.author = ""
    props.keywords = f"{words['kit']}, {module}"
    props.comments = words["font_note"]
    props.language = LANG.get(deck.locale, deck.locale)
    props.last_modified_by = ""
    props.revision = 1
    stamp = dt.datetime.fromisoformat(date)
    props.created = props.modified = stamp
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    prs.save(str(tmp))
    tmp.replace(out)
    return out
