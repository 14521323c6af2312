"""Tables wrapped at build time, as Material would wrap them in the browser.

Material's script wraps every `table:not([class])` of a page in a box that scrolls sideways
(div.md-typeset__scrollwrap > div.md-typeset__table). Done in the browser, moving each table
lays the whole article out again in the task that starts the page (on module 5, eleven tables:
over a thousand elements restyled on a phone). Here the page arrives wrapped: the box takes
keyboard focus (tabindex, so a keyboard user can scroll hidden columns: WCAG 2.1.1) and the
table carries class `wrapped`, which Material's script leaves alone; curriculum.css gives
`table.wrapped` Material's own table style (tests/test_tables.py compares the two).
"""
from __future__ import annotations

import re

TAG = re.compile(r"<(/?)table\b([^>]*)>")
OPEN = '<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table"><table class="wrapped"'
CLOSE = "</table></div></div>"


def wrap(page_html: str) -> str:
    """Every table without a class attribute, wrapped; tables with a class are left alone."""
    out, last, stack = [], 0, []
    for m in TAG.finditer(page_html):
        closing, attrs = m.group(1), m.group(2)
        if not closing:
            plain = not re.search(r"\bclass\s*=", attrs)
            stack.append(plain)
            piece = OPEN + attrs + ">" if plain else m.group(0)
        else:
            piece = CLOSE if stack and stack.pop() else m.group(0)
        out.append(page_html[last:m.start()])
        out.append(piece)
        last = m.end()
    out.append(page_html[last:])
    return "".join(out)
