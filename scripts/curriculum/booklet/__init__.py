"""Pocket booklets: PDFs of docs/<lang>/booklets/ and their print-ready sheets, made during the build.

One PDF per module and a complete guide per language, with imposed versions, rendered by
WeasyPrint from docs/<lang>/booklets/NN-slug.md.

    sources.py   collects each booklet's source page and the module page it belongs to
    paper.py     Markdown -> HTML for paper (a Treeprocessor: ids, links, images, no title)
    documents.py fills templates/ (Jinja2): booklet, complete guide, printing guide
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

# `mkdocs serve` also rebuilds when the stylesheet or a template changes (code changes need a restart).
WATCH = [f"{__path__[0]}/booklet.css", f"{__path__[0]}/templates"]

__all__ = ["Build", "prepare", "files", "index_table", "with_download", "WATCH"]
