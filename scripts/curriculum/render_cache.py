"""Under `mkdocs serve` only: an unchanged page reuses the HTML its last conversion made.

MkDocs converts every page's Markdown on every rebuild, in both languages; after a one-line edit
that was most of the rebuild. A page whose Markdown (as the hooks hand it to Python-Markdown),
address, site files and Markdown settings are all as they were at the last rebuild gets its HTML,
table of contents, title and anchors back from then instead.

How it fits MkDocs' events: the hooks' on_page_markdown runs last and calls `before`, which on a
hit hands MkDocs an empty text to convert; the hooks' on_page_content runs first and calls
`after`, which puts the kept conversion back (everything after it, from the glossary tooltips to
the search index, runs as usual). A conversion that logged a warning (a broken link) is never
kept, so `--strict` reports it again on every rebuild until it is fixed; links to other pages'
anchors are checked again on every rebuild, kept or not. `mkdocs build` never uses this.
"""
from __future__ import annotations

import copy
import hashlib
import json
import logging
from dataclasses import dataclass


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs and its plugins log, to tell a clean conversion from one that warned."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class _Kept:
    key: str
    html: str
    toc: object
    title: str | None
    anchors: set
    links: dict  # src_uri of the linked page -> {anchor: original link}


_warnings = _Warnings()
_kept: dict[str, _Kept] = {}  # one per page source, the last clean conversion
_build: tuple[object, str] | None = None  # this language build's Files, and its digest of them and the settings
stats = {"reused": 0, "converted": 0}


def start() -> None:
    """A rebuild begins (the outer build's on_pre_build): count warnings, and count pages afresh
    (a rebuild that --strict stopped never reached the report)."""
    if _warnings not in logging.getLogger("mkdocs").handlers:
        logging.getLogger("mkdocs").addHandler(_warnings)
    stats["reused"] = stats["converted"] = 0


def _build_digest(config, files) -> str:
    """The site's files and the Markdown settings, once per language build (each has its own Files)."""
    global _build
    if _build is None or _build[0] is not files:
        listing = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
        settings = [config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"], str(config["validation"])]
        _build = (files, hashlib.sha1(json.dumps([listing, settings], default=repr, sort_keys=True).encode()).hexdigest())
    return _build[1]


def _key(markdown: str, page, config, files) -> str:
    parts = [markdown, page.file.abs_src_path or "", page.file.src_uri, page.url, _build_digest(config, files)]
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


def before(markdown: str, page, config, files) -> str:
    """The Markdown MkDocs should convert: the page's own, or nothing when its last conversion is kept."""
    key = _key(markdown, page, config, files)
    kept = _kept.get(page.file.abs_src_path)
    if kept is not None and kept.key == key:
        page._curriculum_kept = kept
        return ""
    page._curriculum_pending = (key, _warnings.count)
    return markdown


def after(html: str, page, files) -> str:
    """The page's HTML: the kept conversion put back, or this one, kept when it logged no warning."""
    kept = page.__dict__.pop("_curriculum_kept", None)
    if kept is not None:
        stats["reused"] += 1
        page.toc = copy.deepcopy(kept.toc)
        page._title_from_render = kept.title
        page.present_anchor_ids = set(kept.anchors)
        links = {}
        for src_uri, anchors in kept.links.items():
            target = files.get_file_from_path(src_uri)
            if target is not None:
                links[target] = dict(anchors)
        page.links_to_anchors = links
        return kept.html
    pending = page.__dict__.pop("_curriculum_pending", None)
    if pending is not None:
        stats["converted"] += 1
        key, warnings_before = pending
        if _warnings.count == warnings_before:
            _kept[page.file.abs_src_path] = _Kept(
                key, html, copy.deepcopy(page.toc), page._title_from_render, set(page.present_anchor_ids or ()),
                {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()})
        else:
            _kept.pop(page.file.abs_src_path, None)
    return html


def report() -> str:
    """One line for the serve log."""
    return f"Pages converted: {stats['converted']}; unchanged since the last rebuild, reused: {stats['reused']}"
