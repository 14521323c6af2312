"""Print-ready sheets: booklet pages four to a side, in saddle-stitch order (pikepdf).

A sheet is printed on both sides (flip on the long edge), cut in half across the middle, and
the halves are stacked in printing order, folded and stapled on the fold. Half sheet k (0 is
the outermost) carries pages N-2k and 2k+1 on its front, 2k+2 and N-2k-1 on its back; sheet j
holds half sheets 2j (top) and 2j+1 (bottom). N is the page count padded to a multiple of 8
with blank pages, inserted before the last page so that the back cover stays outside.

The booklet pages are placed at 100 % when four fit on the sheet (A6 on A4), otherwise scaled
to fit (A6 on Letter: 94 %). Marks: a dashed cut line in the side margins and across the
middle of the sheet, dotted fold marks on the spine at the top, middle and bottom.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import pikepdf

MM = 72 / 25.4


def logical_order(count: int) -> list[int | None]:
    """Source page indexes (0-based) for logical pages 1..N; None is a blank page."""
    total = max(8, math.ceil(count / 8) * 8)
    if count <= 1:
        return list(range(count)) + [None] * (total - count)
    return list(range(count - 1)) + [None] * (total - count) + [count - 1]


def sheet_layout(total: int) -> list[tuple[list[int], list[int]]]:
    """For each sheet: (front, back), each [top-left, top-right, bottom-left, bottom-right] of
    1-based logical page numbers, for duplex printing flipped on the long edge."""
    assert total % 8 == 0
    sheets = []
    for j in range(total // 8):
        n, a = total, 4 * j
        front = [n - a, a + 1, n - a - 2, a + 3]
        back = [a + 2, n - a - 1, a + 4, n - a - 3]
        sheets.append((front, back))
    return sheets


def impose(src: Path, out: Path, sheet_size: tuple[float, float]) -> dict:
    with pikepdf.open(src) as booklet, pikepdf.new() as sheets:
        pages = booklet.pages
        pw, ph = float(pages[0].mediabox[2] - pages[0].mediabox[0]), float(pages[0].mediabox[3] - pages[0].mediabox[1])
        sw, sh = sheet_size
        scale = min(1.0, sw / (2 * pw), sh / (2 * ph))
        cw, ch = pw * scale, ph * scale
        x0, y0 = (sw - 2 * cw) / 2, (sh - 2 * ch) / 2
        cells = [(x0, y0 + ch), (x0 + cw, y0 + ch), (x0, y0), (x0 + cw, y0)]  # TL, TR, BL, BR
        order = logical_order(len(pages))
        total = len(order)
        forms = [sheets.copy_foreign(page.as_form_xobject()) for page in pages]  # each page drawn once, by reference
        marks = ("\n".join(_marks(sw, sh, x0, y0, cw, ch)) + "\n").encode("ascii")
        for front, back in sheet_layout(total):
            for side in (front, back):
                sheet = sheets.add_blank_page(page_size=(sw, sh))
                for (x, y), logical in zip(cells, side):
                    if order[logical - 1] is not None:
                        sheet.add_overlay(forms[order[logical - 1]], pikepdf.Rectangle(x, y, x + cw, y + ch))
                sheet.contents_add(sheets.make_stream(marks))
        title = str(booklet.docinfo.get("/Title", src.stem))
        sheets.docinfo["/Title"] = f"{title} - {total} pages imposed for saddle stitch"
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        sheets.save(tmp, deterministic_id=True)
    tmp.replace(out)
    return {"pages": len(order) - order.count(None), "padded": total, "sheets": total // 8, "scale": scale}


def _marks(sw, sh, x0, y0, cw, ch) -> list[str]:
    """Cut line across the middle (dashed), fold marks on the spine (dotted), crop marks at the
    grid corners when the sheet has room around the pages (Letter)."""
    mid_y = y0 + ch
    spine = x0 + cw
    ops = ["q", "0 G", "0.5 w"]
    # Cut: dashed, across the whole sheet; it runs through the pages' blank top/bottom margins.
    ops += ["[4 3] 0 d", f"0 {mid_y:.2f} m {sw:.2f} {mid_y:.2f} l S"]
    # Fold: dotted ticks on the spine of each half, outside the text area.
    ops += ["[1 2] 0 d"]
    tick = 7 * MM
    for a, b in ((y0 + 2 * ch - tick, y0 + 2 * ch), (mid_y, mid_y + tick), (mid_y - tick, mid_y), (y0, y0 + tick)):
        ops.append(f"{spine:.2f} {a:.2f} m {spine:.2f} {b:.2f} l S")
    ops.append("[] 0 d")
    # Crop marks where the sheet is larger than the grid.
    gap = 2 * MM
    length = 5 * MM
    if x0 >= gap + 3 * MM:
        for y in (y0, mid_y, y0 + 2 * ch):
            ops.append(f"{max(0, x0 - gap - length):.2f} {y:.2f} m {x0 - gap:.2f} {y:.2f} l S")
            ops.append(f"{x0 + 2 * cw + gap:.2f} {y:.2f} m {min(sw, x0 + 2 * cw + gap + length):.2f} {y:.2f} l S")
    if y0 >= gap + 3 * MM:
        for x in (x0, spine, x0 + 2 * cw):
            ops.append(f"{x:.2f} {max(0, y0 - gap - length):.2f} m {x:.2f} {y0 - gap:.2f} l S")
            ops.append(f"{x:.2f} {y0 + 2 * ch + gap:.2f} m {x:.2f} {min(sh, y0 + 2 * ch + gap + length):.2f} l S")
    ops.append("Q")
    return ops
