"""Pocket booklets: one PDF per module and a complete guide per language, with print-ready
imposed versions, built by WeasyPrint from docs/<lang>/booklets/NN-slug.md during `mkdocs build`.

    html.py      sources -> print HTML (booklet, complete guide, printing guide)
    booklet.css  the print stylesheet
    render.py    HTML -> tagged PDF (WeasyPrint) and its imposed sheets, in worker processes
    impose.py    four pages to a sheet side, saddle-stitch order (pikepdf)
    cache.py     .cache/booklets/, keyed by the sha256 of the inputs
    pipeline.py  prepare() before the pages, files() registers the PDFs with MkDocs
    pages.py     the booklets index table and the download boxes on pages
    options.py   extra.booklets in mkdocs.yml

See docs-maintainers-booklets.md at the repository root.
"""
from .pages import index_table, with_download
from .pipeline import Build, files, prepare

# `mkdocs serve` also rebuilds when the stylesheet changes (code changes need a restart).
WATCH = [f"{__path__[0]}/booklet.css"]

__all__ = ["Build", "prepare", "files", "index_table", "with_download", "WATCH"]
