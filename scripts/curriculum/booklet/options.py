"""Booklet options, declared once in mkdocs.yml:

    extra:
      booklets:
        page_size: A6            # A5, A6, A7 or a CSS size such as "100mm 150mm"
        sheets: [A4, Letter]     # papers for the imposed print-ready versions
        enabled: true            # false skips the PDFs (a quick `mkdocs serve` while writing)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

NAMED_SIZES_MM = {"A5": (148.0, 210.0), "A6": (105.0, 148.0), "A7": (74.0, 105.0)}
SHEETS_PT = {"a4": (595.276, 841.890), "letter": (612.0, 792.0)}  # portrait, PDF points
UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}
CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)(mm|cm|in|pt)\s+(\d+(?:\.\d+)?)(mm|cm|in|pt)\s*$")
WHERE = "mkdocs.yml: extra.booklets"


@dataclass(frozen=True)
class Options:
    page_size: str = "A6"
    sheets: tuple[str, ...] = ("a4", "letter")
    enabled: bool = True

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


def page_size_mm(value: str) -> tuple[float, float]:
    name = str(value).strip().upper()
    if name in NAMED_SIZES_MM:
        return NAMED_SIZES_MM[name]
    m = CUSTOM.match(str(value))
    if not m:
        raise PluginError(f"{WHERE}.page_size is {value!r}: use A5, A6, A7 or a CSS width and height such as \"100mm 150mm\"")
    w = float(m.group(1)) * UNIT_MM[m.group(2)]
    h = float(m.group(3)) * UNIT_MM[m.group(4)]
    if not (50 <= w <= 220 and 70 <= h <= 300):
        raise PluginError(f"{WHERE}.page_size {value!r} is {w:.0f} × {h:.0f} mm: a pocket booklet is 50-220 mm wide and 70-300 mm high")
    if w > h:
        raise PluginError(f"{WHERE}.page_size {value!r} is landscape: booklets are portrait, give the width first and the height second")
    return w, h


def from_config(config) -> Options:
    raw = (config.extra or {}).get("booklets") or {}
    if not isinstance(raw, dict):
        raise PluginError(f"{WHERE} must be a mapping such as {{page_size: A6}}, got {raw!r}")
    known = {"page_size", "sheets", "enabled"}
    for key in raw:
        if key not in known:
            raise PluginError(f"{WHERE}.{key} is not a booklet option: use one of {', '.join(sorted(known))}")
    page_size = str(raw.get("page_size", "A6"))
    page_size_mm(page_size)  # validates
    sheets = raw.get("sheets", ["A4", "Letter"])
    if isinstance(sheets, str):
        sheets = [sheets]
    sheets = tuple(str(s).lower() for s in sheets)
    for s in sheets:
        if s not in SHEETS_PT:
            raise PluginError(f"{WHERE}.sheets has {s!r}: use A4 and/or Letter")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise PluginError(f"{WHERE}.enabled must be true or false, got {enabled!r}")
    return Options(page_size, sheets, enabled)
