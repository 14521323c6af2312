"""Pocket booklets: PDFs of docs/<lang>/booklets/ and their print-ready sheets, made during the build.

One PDF per module and per protocol and a complete guide (the modules) per language, with imposed
versions, rendered by WeasyPrint from docs/<lang>/booklets/*.md; and the awareness-campaign
posters (posters/<lang>/*.yml, one page in Letter and A4), through the same pipeline and cache.

    sources.py   collects each booklet's source page and the module or protocol page it belongs to
    paper.py     Markdown -> HTML for paper (a Treeprocessor: ids, links, images, no title)
    documents.py fills templates/ (Jinja2): booklet, complete guide, printing guide, poster
    booklet.css  the print stylesheet (poster.css: the posters')
    render.py    HTML -> tagged PDF (WeasyPrint) and its imposed sheets, in worker processes
    impose.py    four pages to a sheet side, saddle-stitch order (pikepdf)
    cache.py     .cache/booklets/, keyed by the sha256 of the inputs
    pipeline.py  prepare() before the pages, files() registers the PDFs with MkDocs
    pages.py     the booklets index tables (booklets, protocols, posters) and the download boxes
    options.py   extra.booklets in mkdocs.yml

See docs-maintainers-booklets.md at the repository root.
"""
from .pages import index_table, poster_table, protocol_table, with_download
from .pipeline import Build, files, prepare

from pathlib import Path as _Path

# `mkdocs serve` also rebuilds when a stylesheet, a template or a poster source changes (code changes need a restart).
_POSTERS = _Path(__path__[0]).resolve().parents[2] / "posters"
WATCH = [f"{__path__[0]}/booklet.css", f"{__path__[0]}/poster.css", f"{__path__[0]}/templates",
         *([str(_POSTERS)] if _POSTERS.is_dir() else [])]

__all__ = ["Build", "prepare", "files", "index_table", "protocol_table", "poster_table", "with_download", "WATCH"]
