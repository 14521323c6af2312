"""Timings, not a test. `python scripts/bench.py booklets` (or `make bench`):

  cold    every booklet PDF rendered into an empty cache (2 worker processes, as the build does)
  warm    the same again with nothing changed: must render 0
  single  each booklet and complete guide rendered in one process by our pipeline (tagged
          PDF/UA) and by a raw WeasyPrint call on the same HTML and stylesheet,
          per page
  impose  the print-ready A4 and Letter sheets from the rendered PDFs (pikepdf)

It uses a temporary cache, so it leaves .cache/booklets/ as it was.

  --pdf-export VENV   also build the same booklet sources with mkdocs-pdf-export-plugin, installed
                      in a throwaway virtual environment VENV (never in ours), e.g.
                      python3 -m venv /tmp/pdfexp && /tmp/pdfexp/bin/pip install \
                        mkdocs==1.6.1 mkdocs-pdf-export-plugin pymdown-extensions==13.1
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_config():
    from mkdocs.config import load_config as load
    return load(str(ROOT / "mkdocs.yml"))


def booklets() -> int:
    import logging
    from pypdf import PdfReader
    from weasyprint import HTML, __version__ as weasyprint_version
    from weasyprint.text.fonts import FontConfiguration

    from curriculum.booklet import pipeline
    from curriculum.booklet.impose import impose
    from curriculum.booklet.options import SHEETS_PT
    from curriculum.booklet.render import Job, fetcher, render, stylesheets

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-booklets-") as tmp:
        cache = Path(tmp) / "cache"
        t = time.perf_counter()
        cold = pipeline.prepare(config, ROOT, cache)
        cold_s = time.perf_counter() - t
        docs = [e for e in cold.entries if e.kind in ("booklet", "protocol", "guide")]
        pages = sum(e.pages for e in cold.entries)
        rows.append(("cold, empty cache, 2 workers", len(cold.entries), cold.rendered, pages, cold_s))

        t = time.perf_counter()
        warm = pipeline.prepare(config, ROOT, cache)
        warm_s = time.perf_counter() - t
        rows.append(("warm, nothing changed", len(warm.entries), warm.rendered, 0, warm_s))

        # One process, the same HTML: our render() against a plain WeasyPrint call.
        todo = pipeline.plan(config, ROOT, Path(tmp) / "empty")
        jobs = [j for j in todo.jobs if "printing-guide" not in j.name and not j.name.startswith("posters/")
                and not j.forms]  # booklets only (not the classroom kit's forms)
        ours_s = raw_s = impose_s = 0.0
        single_pages = 0
        for job in jobs:
            job = Job(job.name, job.html, str(Path(tmp) / "ours.pdf"), job.identifier, job.base_url)
            t = time.perf_counter()
            result = render(job)
            ours_s += time.perf_counter() - t
            single_pages += result.pages
            t = time.perf_counter()
            fonts = FontConfiguration()
            HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher()).write_pdf(
                str(Path(tmp) / "raw.pdf"), stylesheets=stylesheets(fonts), font_config=fonts)
            raw_s += time.perf_counter() - t
            t = time.perf_counter()
            for sheet in ("a4", "letter"):
                impose(Path(job.out), Path(tmp) / f"imposed-{sheet}.pdf", SHEETS_PT[sheet])
            impose_s += time.perf_counter() - t
        rows.append(("single process, our pipeline", len(jobs), len(jobs), single_pages, ours_s))
        rows.append(("single process, raw WeasyPrint", len(jobs), len(jobs), single_pages, raw_s))
        rows.append(("imposition, A4 + Letter", len(jobs), len(jobs), single_pages, impose_s))
        sizes = [e.size for e in docs]
        largest = max(docs, key=lambda e: e.size)
        largest_pages = len(PdfReader(cold.cache.pdf(largest.digest)).pages)

    booklet_count = sum(1 for e in docs if e.kind == "booklet")
    protocol_count = sum(1 for e in docs if e.kind == "protocol")
    guide_count = sum(1 for e in docs if e.kind == "guide")
    poster_count = sum(1 for e in cold.entries if e.kind == "poster")
    form_count = sum(1 for e in cold.entries if e.kind == "form")
    print(f"Pocket booklets: {booklet_count} module + {protocol_count} protocol booklets + {guide_count} complete guides = {len(docs)} PDFs "
          f"(+ {len(cold.entries) - len(docs) - poster_count - form_count} printing guides, {poster_count} posters, {form_count} kit forms), "
          f"WeasyPrint {weasyprint_version}, page size {cold.options.label}")
    print()
    print(f"{'':34} {'PDFs':>5} {'rendered':>9} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
    for name, count, rendered, npages, seconds in rows:
        per_page = f"{1000 * seconds / npages:8.0f}" if npages else f"{'-':>8}"
        print(f"{name:34} {count:5d} {rendered:9d} {npages:6d} {seconds:8.2f} {per_page}")
    print()
    print(f"our pipeline / raw WeasyPrint: {ours_s / raw_s:.2f}x (tags, PDF/UA metadata)")
    print(f"sizes: {min(sizes) / 1000:.0f}-{max(sizes) / 1000:.0f} KB; largest {largest.url()} "
          f"{largest.size / 1000:.0f} KB, {largest_pages} pages (limit 1500 KB)")
    if warm.rendered:
        print(f"FAIL: the warm run rendered {warm.rendered} PDFs; it must render none", file=sys.stderr)
        return 1
    return 0


def pdf_export(venv: Path) -> None:
    """The same booklet sources through mkdocs-pdf-export-plugin: one PDF per page, twice."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="bench-pdf-export-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for lang in ("es", "en"):
            for src in sorted((ROOT / "docs" / lang / "booklets").glob("[0-9]*.md")):
                shutil.copy(src, docs / f"{lang}-{src.name}")
        (Path(tmp) / "mkdocs.yml").write_text(
            "site_name: bench\nmarkdown_extensions: [attr_list, tables, pymdownx.tasklist]\n"
            "plugins:\n  - pdf-export:\n      combined: false\n", encoding="utf-8")
        times = []
        for _ in range(2):
            t = time.perf_counter()
            run = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "-q"], cwd=tmp, capture_output=True, text=True)
            times.append(time.perf_counter() - t)
        pdfs = sorted((Path(tmp) / "site").rglob("*.pdf"))
        pages = sum(len(PdfReader(p).pages) for p in pdfs)
        tagged = sum("/MarkInfo" in PdfReader(p).trailer["/Root"] for p in pdfs)
        fetches = sum("Failed to load" in line for line in (run.stdout + run.stderr).splitlines())
        print()
        print(f"mkdocs-pdf-export-plugin on the same {len(list(docs.iterdir()))} booklet sources: {len(pdfs)} PDFs, "
              f"{pages} A4 pages, {tagged} tagged")
        print(f"  first build {times[0]:.2f} s, second build with nothing changed {times[1]:.2f} s "
              f"({1000 * times[1] / max(1, pages):.0f} ms/page); failed remote fetches: {fetches}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench.py", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["booklets"])
    parser.add_argument("--pdf-export", type=Path, metavar="VENV",
                        help="a throwaway venv with mkdocs-pdf-export-plugin, to compare against")
    args = parser.parse_args(argv)
    status = {"booklets": booklets}[args.what]()
    if args.pdf_export:
        pdf_export(args.pdf_export)
    return status


if __name__ == "__main__":
    sys.exit(main())
