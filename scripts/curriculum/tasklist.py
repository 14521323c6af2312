"""Tick-box checklists (pymdownx.tasklist) labelled for assistive technology.

With custom_checkbox the extension writes <label class="task-list-control"><input
type="checkbox" disabled/><span class="task-list-indicator"></span></label> before the item's
text: the label holds no words, so a screen reader announces an unnamed checkbox. Each
checkbox gets the item's own text as its accessible name (aria-label).
"""
from __future__ import annotations

import html
import re

ITEM = re.compile(r'(<li class="task-list-item">\s*(?:<p>\s*)?<label class="task-list-control">\s*<input type="checkbox")'
                  r'([^>]*/?>\s*<span class="task-list-indicator"></span>\s*</label>)(.*?)(?=<li|</li>|<ul|<ol)', re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


def label(page_html: str) -> str:
    def named(m):
        text = " ".join(html.unescape(TAGS.sub(" ", m.group(3))).split())
        return f'{m.group(1)} aria-label="{html.escape(text, quote=True)}"{m.group(2)}{m.group(3)}' if text else m.group(0)
    return ITEM.sub(named, page_html)
