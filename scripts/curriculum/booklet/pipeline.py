"""The booklet build: sources -> HTML -> cached PDFs -> site.

    prepare(config)   before any page is rendered (outer build's on_pre_build): renders what
                      the cache lacks, returns a Build
    files(build)      each language's PDFs as MkDocs files (on_files), copied by MkDocs
    pages.py          what the booklets index and the module pages show

Rendering before the pages means the booklets index can print each PDF's real page count and
size on a clean build and under `mkdocs serve`.
"""
from __future__ import annotations

import concurrent.futures as futures
import datetime as dt
import logging
import multiprocessing
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from .. import posters
from ..kit import forms as kitforms, prepost as kit_prepost, questions as kit_questions
from ..source import parse as parse_page
from ..indexes import labels
from ..languages import languages
from . import cache as cachemod
from . import documents, paper, sources as sourcesmod
from .options import SHEETS_PT, BookletOptions
from .render import Job, Result, render

log = logging.getLogger("mkdocs.plugins.curriculum.booklets")
SCRIPTS = Path(__file__).resolve().parents[2]
FONTS = SCRIPTS.parent / "overrides" / "assets" / "fonts"
GUIDE = "complete-guide"
PRINT_GUIDE = "printing-guide"
MAX_WORKERS = 2
KIT = "tests"  # a module's pre- and post-tests on one paper: forms A and B with answer sheets, and the key (curriculum/kit/forms.py)


@dataclass
class Entry:
    """One PDF of the site, with its print-ready versions."""
    kind: str  # booklet (a module's), protocol (a protocol's booklet), guide, printing-guide, poster, form or tests (the kit's)
    locale: str
    prefix: str  # "" or "en/"
    slug: str  # file name without .pdf
    title: str
    number: int | None
    date: str
    digest: str
    source: Path | None = None  # the booklet's Markdown page, or the poster's YAML
    parent: Path | None = None  # the page it belongs to (its module or protocol)
    numbers: list[int] = field(default_factory=list)  # modules in the complete guide
    pages: int = 0
    size: int = 0
    rendered: bool = False
    paper: str | None = None  # a poster's or a form's paper: letter or a4
    group: str | None = None  # a poster's or a form's id (its Letter and A4 entries share it)
    design: str | None = None  # a poster's design: bold or calm
    parts: dict | None = None  # the kit's tests: part (form-a, form-b, key) -> title; each part is a PDF, the whole is not published
    part_pages: dict | None = None  # part -> its number of pages

    def src_uri(self, sheet: str | None = None) -> str:
        """Where the PDF sits among the language's files, as if it were a file of docs/:
        es/booklets/04-x.pdf, en/booklets/print/04-x-a4.pdf. Pages link to it by this path."""
        if self.kind == "printing-guide":
            return f"{self.locale}/booklets/print/{self.slug}.pdf"
        if self.kind == "poster":
            return f"{self.locale}/booklets/posters/{self.slug}.pdf"
        if self.kind == "form":
            return f"{self.locale}/kit/forms/{self.slug}.pdf"
        if self.kind == KIT:
            number, paper = self.slug.rsplit("-", 1)
            return f"{self.locale}/kit/tests/{number}-{sheet}-{paper}.pdf"
        if sheet:
            return f"{self.locale}/booklets/print/{self.slug}-{sheet}.pdf"
        return f"{self.locale}/booklets/{self.slug}.pdf"

    def url(self, sheet: str | None = None) -> str:
        """Site-relative address: booklets/04-x.pdf, en/booklets/print/04-x-a4.pdf."""
        return self.prefix + self.src_uri(sheet).split("/", 1)[1]

    def versions(self, sheets: tuple[str, ...]) -> list[str | None]:
        """None for the PDF itself, then each imposed sheet (the printing guide and posters have none)."""
        if self.kind == KIT:
            return list(self.parts or ())
        return [None] if self.kind in ("printing-guide", "poster", "form") else [None, *sheets]


@dataclass
class Build:
    options: BookletOptions
    cache: cachemod.Cache
    entries: list[Entry]
    words: dict[str, dict]
    rendered: int = 0
    seconds: float = 0.0

    def of(self, locale: str, kind: str | None = None) -> list[Entry]:
        return [e for e in self.entries if e.locale == locale and (kind is None or e.kind == kind)]

    def for_page(self, abs_src_path: str) -> Entry | None:
        """The booklet of a page it belongs to (a module or a protocol) or of its own source page."""
        path = Path(abs_src_path).resolve()
        for e in self.entries:
            if e.kind in ("booklet", "protocol") and path in (e.source, e.parent):
                return e
        return None


def revision(root: Path) -> str:
    return _git(root, "rev-parse", "--short", "HEAD") or "unversioned"


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None


def _dater(root: Path, rev: str):
    """The edition date: SOURCE_DATE_EPOCH if set, else the commit's date, else (no git) the
    date of the booklet's newest input file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    fixed = None
    if epoch and epoch.isdigit():
        fixed = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    elif rev != "unversioned":
        fixed = _git(root, "log", "-1", "--format=%cs", "HEAD")

    def date(inputs: list[Path]) -> str:
        if fixed:
            return fixed
        newest = max(p.stat().st_mtime for p in inputs)
        return dt.datetime.fromtimestamp(newest, dt.timezone.utc).date().isoformat()
    return date


@dataclass
class Plan:
    options: BookletOptions
    store: cachemod.Cache
    entries: list[Entry]
    jobs: list[Job]  # the entries the cache lacks
    words: dict[str, dict]


def plan(config, root: Path, cache_dir: Path | None = None) -> Plan | None:
    """Make every document's HTML (booklets, complete guides, printing guides) and see what the cache lacks."""
    from ..config import load

    options = load(config).booklets
    if not options.enabled:
        return None
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is empty, but the booklets' QR codes and links need the site's address: set site_url (or SITE_URL)")
    docs_dir = Path(config.docs_dir)
    rev = revision(root)
    date_of = _dater(root, rev)
    all_words = labels()
    store = cachemod.Cache(cache_dir or root / options.cache_dir)
    poster_sources = posters.load(root, [lang.locale for lang in languages(config)])[0]  # checked before the build

    def home_url(prefix: str) -> str:
        return config.site_url.rstrip("/") + "/" + prefix
    fonts = sorted(FONTS.glob("*.woff2"))
    entries: list[Entry] = []
    jobs: list[Job] = []
    option_text = f"sheets={','.join(options.sheet_names)}"

    def add(entry: Entry, html: str, files: list[Path], max_pages: int | None = None, css: str = "booklet.css",
            fill: tuple[str, str] | None = None, forms: bool = False):
        entry.digest = cachemod.key(html, [*fonts, *files], option_text)
        entries.append(entry)
        sheets = [s for s in entry.versions(options.sheet_names) if s]
        meta = store.get(entry.digest, sheets)
        if meta:
            entry.pages, entry.size, entry.part_pages = meta["pages"], meta["size"], meta.get("parts")
            return
        entry.rendered = True
        jobs.append(Job(
            name=(str(entry.source.relative_to(root)) + (f" ({entry.paper})" if entry.paper else "")
                  if entry.kind in ("booklet", "protocol", "poster") else f"{entry.url()} ({entry.locale})"),
            html=html, out=str(store.pdf(entry.digest)), identifier=entry.digest, base_url=str(docs_dir),
            max_pages=max_pages, css=css, fill=fill, forms=forms,
            sheets={} if entry.parts else {s: (str(store.imposed(entry.digest, s)), SHEETS_PT[s]) for s in sheets},
            parts={s: (str(store.imposed(entry.digest, s)), entry.parts[s]) for s in sheets} if entry.parts else {}))

    for lang in languages(config):
        if lang.locale not in all_words:
            raise PluginError(f"data/labels.yml has no '{lang.locale}' section, which the booklets need: copy the 'en' section and translate it")
        words = all_words[lang.locale]
        site = paper.Site(config.site_url, lang.prefix, docs_dir / lang.locale, bool(config.use_directory_urls),
                          tuple(config.markdown_extensions), dict(config.mdx_configs))
        ctx = documents.Context(lang.locale, lang.name, words, lang.site_name, None if rev == "unversioned" else rev,
                                options.css_size, site)
        for poster in poster_sources.get(lang.locale, []):
            date = date_of([poster.path])
            for paper_name in posters.PAPERS:
                add(Entry("poster", lang.locale, lang.prefix, f"{poster.path.stem}-{paper_name}", poster.fields["title"], None, date, "",
                          poster.path.resolve(), paper=paper_name, group=poster.path.stem, design=poster.fields["design"]),
                    documents.poster_document(poster.fields, ctx, date, paper_name, home_url(lang.prefix)), [], max_pages=1, css="poster.css", fill=("write-in", "foot"))
        # The classroom kit's fillable forms (scripts/curriculum/kit/forms.py): same renderer and cache,
        # for a language that has a kit section (docs/<lang>/kit/, whose forms page lists them).
        kit_forms = (docs_dir / lang.locale / "kit").is_dir()
        for doc in kitforms.documents(docs_dir / lang.locale, lang.locale, lang.site_name, words, date_of, ctx.revision) if kit_forms else []:
            add(Entry("form", lang.locale, lang.prefix, doc.slug, doc.title, None, doc.date, "",
                      paper=doc.paper, group=doc.form.id),
                doc.html, doc.inputs, max_pages=doc.form.max_pages, css=str(kitforms.CSS), forms=True)
        # The classroom kit's pre- and post-tests (scripts/curriculum/kit/prepost.py), per module.
        for module_page in sorted((docs_dir / lang.locale / "modules").glob("[0-9]*.md")):
            number = parse_page(module_page).meta.get("module")
            bank = kit_questions.load(root, lang.locale, number) if isinstance(number, int) else None
            if bank is None:  # checked before the build: no bank, no tests
                continue
            date = date_of([bank.path])  # the title is in the HTML: other edits to the page render nothing
            title = str(parse_page(module_page).meta.get("title", ""))
            for doc in kit_prepost.documents(bank, title, lambda template, size, **values: documents.kit_document(template, ctx, size, **values),
                                           words, date):
                add(Entry(KIT, lang.locale, lang.prefix, doc.slug, doc.parts["form-a"], number, date, "", bank.path.resolve(),
                          module_page.resolve(), paper=doc.paper, group=f"module-{number:02d}", parts=doc.parts), doc.html, [], css="kit.css")
        sources = sourcesmod.collect(docs_dir, lang.locale, root, config.site_url, lang.prefix, bool(config.use_directory_urls))
        if not sources:
            continue
        frags = [paper.fragment(s, site) for s in sources]
        dates = []
        for f in frags:
            s = f.source
            dates.append(date_of([s.path, s.parent.path]))
            add(Entry("protocol" if s.kind == "protocol" else "booklet", lang.locale, lang.prefix, s.slug, s.title, s.number, dates[-1], "",
                      s.path.resolve(), s.parent.path.resolve()),
                documents.booklet_document(f, ctx, dates[-1]), s.images)
        # The complete guide is the modules' booklets: protocols are carried one at a time.
        frags = [f for f in frags if f.source.kind == "module"]
        if not frags:
            continue
        dates = [e.date for e in entries if e.kind == "booklet" and e.locale == lang.locale]
        chapters = [paper.fragment(f.source, site, baselevel=2) for f in frags]
        index_url = sourcesmod.page_url(config.site_url, lang.prefix, "booklets/index.md", bool(config.use_directory_urls))
        add(Entry("guide", lang.locale, lang.prefix, GUIDE, words["complete_guide"], None, max(dates), "",
                  numbers=[f.source.number for f in frags]),
            documents.guide_document(chapters, ctx, max(dates), index_url), [i for f in frags for i in f.source.images])
        add(Entry("printing-guide", lang.locale, lang.prefix, PRINT_GUIDE, words["print_guide"], None, max(dates), ""),
            documents.printing_guide_document(ctx, max(dates), index_url), [], max_pages=1)
    return Plan(options, store, entries, jobs, all_words)


def prepare(config, root: Path, cache_dir: Path | None = None, prune: bool = True) -> Build | None:
    """Every booklet PDF of the site in the cache, rendered if missing; what pages need to know.
    prune=False (under `mkdocs serve`, whose site_url is the local server's) keeps the entries
    of other builds."""
    start = time.perf_counter()
    todo = plan(config, root, cache_dir)
    if todo is None:
        log.info("Booklets: off (extra.booklets.enabled is false in mkdocs.yml)")
        return None
    store, entries, jobs = todo.store, todo.entries, todo.jobs
    results = _run(jobs)
    problems = [p for r in results for p in r.problems]
    if problems:
        raise PluginError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the pocket booklets:\n"
                          + "\n".join(f"  - {p}" for p in problems))
    by_out = {r.out: r for r in results}
    for e in entries:
        pdf = store.pdf(e.digest)
        if e.rendered:
            r = by_out[str(pdf)]
            e.pages, e.size, e.part_pages = r.pages, pdf.stat().st_size, r.part_pages or None
            store.put(e.digest, {"pages": e.pages, "size": e.size, "seconds": round(r.seconds, 3), "parts": e.part_pages,
                                 "impose_seconds": round(r.impose_seconds, 3), "title": e.title, "locale": e.locale})
    if prune:
        store.prune({e.digest for e in entries})
    build = Build(todo.options, store, entries, todo.words, rendered=len(jobs), seconds=time.perf_counter() - start)
    where = store.folder.relative_to(root) if store.folder.is_relative_to(root) else store.folder
    log.info(f"Booklets: {len(entries)} PDFs, rendered {len(jobs)}, {len(entries) - len(jobs)} from the cache ({where}) in {build.seconds:.1f} s")
    return build


def _run(jobs: list[Job]) -> list[Result]:
    """Render jobs, two at a time in worker processes when there is more than one."""
    if not jobs:
        return []
    jobs = sorted(jobs, key=lambda j: -len(j.html))  # the complete guides first
    if len(jobs) == 1:
        return [render(jobs[0])]
    context = multiprocessing.get_context("spawn")  # safe under `mkdocs serve`, which runs threads
    with futures.ProcessPoolExecutor(max_workers=min(MAX_WORKERS, len(jobs)), mp_context=context) as pool:
        return list(pool.map(render, jobs))


def files(build: Build | None, config, locale: str) -> list[File]:
    """Every PDF of one language as a MkDocs file (as Material's social plugin registers its
    cards): MkDocs copies it into the site and `--strict` validates every link to it."""
    if build is None:
        return []
    out = []
    for e in build.of(locale):
        for sheet in e.versions(build.options.sheet_names):
            src = build.cache.imposed(e.digest, sheet) if sheet else build.cache.pdf(e.digest)
            f = File.generated(config, e.src_uri(sheet), abs_src_path=str(src))
            f.dest_uri = e.url(sheet)
            out.append(f)
    return out
