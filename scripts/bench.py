"""Timings and weights, not a test.

`python scripts/bench.py site` (or `make bench`): the whole build and what readers download, as a
table against the saved baseline scripts/bench-baseline.json (`--save` replaces it):

  clean build       `mkdocs build --strict` into an empty folder with empty caches (booklets,
                    offline copies)
  unchanged rebuild the same command again, nothing changed (must stay under half the clean build)
  per booklet       the clean build's booklet rendering time divided by the PDFs it rendered
  one-page edit     `mkdocs serve`'s own time for the rebuild after a one-line edit of one page
                    (docs/en/glossary.md, put back afterwards), median of three
  first load        bytes a phone transfers for one page kind, served gzip-compressed, empty
                    cache (scripts/curriculum/page_weight.py), each language
  search index      each language's search/search_index.json, raw and gzip-compressed
  offline copy      each language's downloadable zip

`python scripts/bench.py lighthouse [--site DIR]` (or `make lighthouse`): Lighthouse 12.2.3 (npm,
package.json) with its defaults (mobile, simulated throttling) on the home, a module, a guide and
the booklets page in both languages, the built site (site/) served gzip-compressed; the four
category scores against scripts/lighthouse-baseline.json (`--save` replaces it). Each page runs three
times (scores move between runs on a shared machine); the run with the median performance score
stands for the page, and the table shows all three.

`python scripts/bench.py booklets`:

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


BASELINE = ROOT / "scripts" / "bench-baseline.json"
EDITED = ROOT / "docs" / "en" / "glossary.md"  # the page the serve measurement edits, and restores


def serve_edit(env: dict, edits: int = 3) -> float:
    """Median seconds `mkdocs serve` reports for the rebuild after a one-line edit of one page
    (EDITED, put back as it was afterwards), once its first build is done."""
    import re
    import socket
    import statistics
    import subprocess
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    built: list[float] = []
    lines: list[str] = []

    def read():
        for line in proc.stdout:
            lines.append(line)
            m = re.search(r"Documentation built in ([\d.]+) seconds", line)
            if m:
                built.append(float(m.group(1)))
    threading.Thread(target=read, daemon=True).start()
    original = EDITED.read_bytes()

    def wait_for(n: int, timeout: float = 300) -> None:
        end = time.monotonic() + timeout
        while len(built) < n:
            if proc.poll() is not None or time.monotonic() > end:
                raise RuntimeError("mkdocs serve did not rebuild:\n" + "".join(lines[-30:]))
            time.sleep(0.2)
    try:
        wait_for(1)
        # The first build's "Documentation built" comes before serve watches the files: an edit
        # written in between is never seen. Edit once it says it is serving.
        end = time.monotonic() + 60
        while not any("Serving on" in line for line in lines) and time.monotonic() < end:
            time.sleep(0.2)
        time.sleep(1)
        for i in range(edits):
            EDITED.write_bytes(original + f"\n<!-- bench edit {i} -->\n".encode())
            wait_for(2 + i)
        EDITED.write_bytes(original)
        wait_for(2 + edits)
    finally:
        EDITED.write_bytes(original)
        proc.terminate()
        proc.wait(30)
    return round(statistics.median(built[1:1 + edits]), 1)


def site(save: bool = False) -> int:
    import gzip
    import json
    import os
    import re
    import subprocess

    from playwright.sync_api import sync_playwright

    from curriculum import page_weight

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        out = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BOOKLET_CACHE": str(Path(tmp) / "booklets"),
               "OFFLINE_CACHE": str(Path(tmp) / "offline")}
        for name in ("clean build", "unchanged rebuild"):
            t = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                                 cwd=ROOT, env=env, capture_output=True, text=True)
            results[f"{name} (s)"] = round(time.perf_counter() - t, 1)
            if run.returncode:
                print(run.stdout + run.stderr, file=sys.stderr)
                return 1
            if name == "clean build":
                m = re.search(r"Booklets: (\d+) PDFs, rendered (\d+).* in ([\d.]+) s", run.stdout + run.stderr)
                if m and int(m.group(2)):
                    results["per booklet (s)"] = round(float(m.group(3)) / int(m.group(2)), 2)
        results["one-page edit under serve (s)"] = serve_edit(env)
        for prefix in ("", "en/"):
            index = out / prefix / "search" / "search_index.json"
            data = index.read_bytes()
            lang = prefix.strip("/") or "es"
            results[f"search index {lang} (KB)"] = round(len(data) / 1000)
            results[f"search index {lang}, gzip (KB)"] = round(len(gzip.compress(data, 6)) / 1000)
        for zip_path in sorted(out.glob("**/offline/*.zip")):
            results[f"offline copy {zip_path.stem} (MB)"] = round(zip_path.stat().st_size / 1e6, 1)
        with page_weight.serve(out) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for prefix in ("", "en/"):
                for kind, path in page_weight.PAGE_KINDS.items():
                    load = page_weight.first_load(browser, base + prefix + path)
                    results[f"first load {kind} {prefix.strip('/') or 'es'} (KB)"] = round(load.total / 1000, 1)
            browser.close()
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    print(f"{'':34} {'baseline':>10} {'now':>10} {'change':>8}")
    for key in sorted(set(results) | set(baseline), key=lambda k: (list(results) + list(baseline)).index(k)):
        before, now = baseline.get(key), results.get(key)
        change = f"{100 * (now - before) / before:+7.0f}%" if before and now is not None else f"{'-':>8}"
        print(f"{key:34} {before if before is not None else '-':>10} {now if now is not None else '-':>10} {change}")
    if save:
        BASELINE.write_text(json.dumps(results, indent=1) + "\n")
        print(f"saved as the baseline: {BASELINE.relative_to(ROOT)}")
    return 0


LIGHTHOUSE_BASELINE = ROOT / "scripts" / "lighthouse-baseline.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP ms", "largest-contentful-paint": "LCP ms", "total-blocking-time": "TBT ms",
           "cumulative-layout-shift": "CLS", "speed-index": "SI ms"}


RUNS = 3  # Lighthouse's own advice on variability: run each page several times, report the median


def lighthouse(site_dir: Path, save: bool = False, port: int = 8765, runs: int = RUNS) -> int:
    import json
    import os
    import statistics
    import subprocess

    from curriculum import page_weight

    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("Lighthouse is missing: run `npm ci` (make lighthouse does)", file=sys.stderr)
        return 1
    results = {}
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    with page_weight.serve(site_dir, port) as base, tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        for prefix in ("", "en/"):
            for kind, path in page_weight.PAGE_KINDS.items():
                reports = []
                for i in range(runs):
                    report = Path(tmp) / f"report-{i}.json"
                    run = subprocess.run([str(binary), base + prefix + path, "--quiet", "--output=json", f"--output-path={report}",
                                          f"--only-categories={','.join(CATEGORIES)}",
                                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                                         env=env, capture_output=True, text=True)
                    if run.returncode:
                        print(run.stdout + run.stderr, file=sys.stderr)
                        return 1
                    reports.append(json.loads(report.read_text()))
                # the run with the median performance score stands for the page (its other scores with it)
                reports.sort(key=lambda d: d["categories"]["performance"]["score"])
                data = reports[len(reports) // 2]
                perf = [d["categories"]["performance"]["score"] for d in reports]
                name = f"{kind} {prefix.strip('/') or 'es'}"
                results[name] = {c: data["categories"][c]["score"] for c in CATEGORIES}
                results[name]["performance runs"] = perf
                metrics = {k: data["audits"][k]["numericValue"] for k in METRICS}
                results[name]["metrics"] = {k: round(v, 3 if k == "cumulative-layout-shift" else 0) for k, v in metrics.items()}
                failed = [f"{a['id']} ({a['score']})" for a in data["audits"].values()
                          if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "metricSavings")]
                results[name]["below 1"] = failed
                print(f"{name:14}", "  ".join(f"{c} {results[name][c]:.2f}" for c in CATEGORIES),
                      f"  (performance in {runs} runs: {', '.join(f'{x:.2f}' for x in perf)}, median {statistics.median(perf):.2f})", flush=True)
                print(f"{'':14}", "  ".join(f"{METRICS[k]} {v:g}" for k, v in results[name]["metrics"].items()), flush=True)
                print(f"{'':14} below 1: {', '.join(failed) or '-'}", flush=True)
    baseline = json.loads(LIGHTHOUSE_BASELINE.read_text()) if LIGHTHOUSE_BASELINE.exists() else {}
    print()
    print(f"{'page':14}" + "".join(f" {c:>19}" for c in CATEGORIES))
    for name, scores in results.items():
        before = baseline.get(name, {})
        print(f"{name:14}" + "".join(f" {before.get(c, '-')!s:>8} -> {scores[c]:>7.2f}" for c in CATEGORIES))
    if save:
        LIGHTHOUSE_BASELINE.write_text(json.dumps(results, indent=1) + "\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench.py", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["site", "lighthouse", "booklets"])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="lighthouse: the built site to serve")
    parser.add_argument("--port", type=int, default=8765, help="lighthouse: serve it here (build it with SITE_URL=http://127.0.0.1:PORT/)")
    parser.add_argument("--save", action="store_true", help="site: save the results as the new baseline")
    parser.add_argument("--pdf-export", type=Path, metavar="VENV",
                        help="a throwaway venv with mkdocs-pdf-export-plugin, to compare against")
    args = parser.parse_args(argv)
    if args.what == "lighthouse":
        return lighthouse(args.site, args.save, args.port)
    status = site(args.save) if args.what == "site" else booklets()
    if args.pdf_export:
        pdf_export(args.pdf_export)
    return status


if __name__ == "__main__":
    sys.exit(main())
