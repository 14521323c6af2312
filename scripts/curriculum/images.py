"""Images sized at build time: each local <img> of a page gets the width and height of its file.

The browser then reserves the image's box before the file arrives, so nothing below it jumps
(Lighthouse: unsized-images, cumulative layout shift). Material's CSS keeps images within the
text width (max-width: 100%, height: auto), so the attributes only give the aspect ratio.
SVG: its width and height attributes, or its viewBox; PNG: its header.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import unquote

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="([^":?#]+)"')
SVG_SIZE = re.compile(rb'<svg\b[^>]*?\swidth="([\d.]+)(?:px)?"[^>]*?\sheight="([\d.]+)(?:px)?"')
VIEWBOX = re.compile(rb'<svg\b[^>]*?\sviewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"')


def size(path: Path) -> tuple[int, int] | None:
    try:
        data = path.read_bytes()[:4096]
    except OSError:
        return None
    if path.suffix == ".svg":
        m = SVG_SIZE.search(data) or VIEWBOX.search(data)
        return (round(float(m.group(1))), round(float(m.group(2)))) if m else None
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    return None


def sized(html: str, page_src: Path) -> str:
    """page_src: the page's Markdown file; img src is relative to the page's URL, which MkDocs
    has already rewritten from the source's relative path (resolved against the source folder
    for directory URLs one level up: we try both)."""
    def one(m):
        tag = m.group(0)
        src = SRC.search(tag)
        if not src or " width=" in tag or " height=" in tag:
            return tag
        rel = unquote(src.group(1))
        for base in (page_src.parent, page_src.parent / page_src.stem):
            wh = size((base / rel).resolve())
            if wh:
                return tag[:-1].rstrip("/").rstrip() + f' width="{wh[0]}" height="{wh[1]}">'
        return tag
    return IMG.sub(one, html)
