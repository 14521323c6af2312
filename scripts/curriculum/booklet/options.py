"""The `extra.booklets` options of mkdocs.yml, typed and validated as a MkDocs Config.

    extra:
      booklets:
        page_size: A6            # A5, A6, A7 or a CSS size such as "100mm 150mm"
        sheets: [A4, Letter]     # papers for the imposed print-ready versions
        enabled: true            # false skips the PDFs (a quick `mkdocs serve` while writing)
        cache_dir: .cache/booklets   # relative to mkdocs.yml
"""
from __future__ import annotations

import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

NAMED_SIZES_MM = {"A5": (148.0, 210.0), "A6": (105.0, 148.0), "A7": (74.0, 105.0)}
SHEETS_PT = {"a4": (595.276, 841.890), "letter": (612.0, 792.0)}  # portrait, PDF points
UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}
CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)(mm|cm|in|pt)\s+(\d+(?:\.\d+)?)(mm|cm|in|pt)\s*$")


def page_size_mm(value: str) -> tuple[float, float]:
    name = str(value).strip().upper()
    if name in NAMED_SIZES_MM:
        return NAMED_SIZES_MM[name]
    m = CUSTOM.match(str(value))
    if not m:
        raise ValidationError(f"is {value!r}: use A5, A6, A7 or a CSS width and height such as \"100mm 150mm\"")
    w = float(m.group(1)) * UNIT_MM[m.group(2)]
    h = float(m.group(3)) * UNIT_MM[m.group(4)]
    if not (50 <= w <= 220 and 70 <= h <= 300):
        raise ValidationError(f"{value!r} is {w:.0f} × {h:.0f} mm: a pocket booklet is 50-220 mm wide and 70-300 mm high")
    if w > h:
        raise ValidationError(f"{value!r} is landscape: booklets are portrait, give the width first and the height second")
    return w, h


class PageSize(c.Type):
    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        page_size_mm(value)
        return value


class BookletOptions(Config):
    page_size = PageSize(default="A6")
    sheets = c.ListOfItems(c.Choice(("A4", "Letter")), default=["A4", "Letter"])
    enabled = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/booklets")

    @property
    def sheet_names(self) -> tuple[str, ...]:
        """'a4', 'letter': as the imposed files are named."""
        return tuple(s.lower() for s in self.sheets)

    @property
    def size_mm(self) -> tuple[float, float]:
        return page_size_mm(self.page_size)

    @property
    def css_size(self) -> str:
        """The value for CSS `@page { size: … }`."""
        name = self.page_size.strip().upper()
        if name in NAMED_SIZES_MM:
            return name
        w, h = self.size_mm
        return f"{w:g}mm {h:g}mm"

    @property
    def label(self) -> str:
        """'A6', or '100 × 150 mm' for a custom size."""
        name = self.page_size.strip().upper()
        if name in NAMED_SIZES_MM:
            return name
        w, h = self.size_mm
        return f"{w:g} × {h:g} mm"
