"""The kit in the build: every module's slides in every language, before any page is rendered.

    prepare(config, root)  outer build's on_pre_build, after the booklets: the slide model of every
                           module (slide_model.py; a row that maps to nothing stops the build), its
                           PowerPoint deck (pptx_deck.py, cached by content hash in the `kit` folder
                           next to the booklet cache) and its HTML presentation (reveal.py)
    files(kit, config, locale)  each language's decks and presentations as MkDocs files (on_files)

The forms are PDFs of the booklet pipeline (booklet/pipeline.py, kind "form"), not made here.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..booklet.pipeline import _dater, revision
from ..errors import report
from ..languages import languages
from . import pptx_deck, reveal, slide_model

log = logging.getLogger("mkdocs.plugins.curriculum.kit")
HERE = Path(__file__).resolve().parent
KEEP_DAYS = 14
WATCH = [str(HERE / "form.css"), str(HERE / "templates")]  # `mkdocs serve` rebuilds when they change


@dataclass
class Slides:
    """One module's slides in one language, and where they go in the site."""
    deck: slide_model.Deck
    prefix: str  # "" or "en/"
    pptx: Path  # the cached deck
    size: int
    html: str  # the presentation

    def src_uri(self, kind: str) -> str:
        """es/kit/slides/04-x.pptx, en/kit/present/04-x.html: as if they were files of docs/."""
        folder, suffix = ("slides", "pptx") if kind == "pptx" else ("present", "html")
        return f"{self.deck.locale}/kit/{folder}/{self.deck.slug}.{suffix}"

    def url(self, kind: str) -> str:
        return self.prefix + self.src_uri(kind).split("/", 1)[1]


@dataclass
class Kit:
    slides: list[Slides]
    written: int
    seconds: float

    def of(self, locale: str) -> list[Slides]:
        return [s for s in self.slides if s.deck.locale == locale]

    def for_page(self, abs_src_path: str) -> Slides | None:
        path = Path(abs_src_path).resolve()
        return next((s for s in self.slides if s.deck.path == path), None)


@lru_cache(maxsize=1)
def _code() -> str:
    from importlib.metadata import version
    h = hashlib.sha256(f"python-pptx {version('python-pptx')}".encode())
    for path in (HERE / "pptx_deck.py", HERE / "slide_model.py"):
        h.update(path.read_bytes())
    return h.hexdigest()


def _digest(deck: slide_model.Deck, date: str) -> str:
    model = json.dumps({**dataclasses.asdict(deck), "path": None}, sort_keys=True, default=str)
    return hashlib.sha256(f"{_code()}\0{date}\0{model}".encode()).hexdigest()


def cache_folder(config, root: Path) -> Path:
    """`kit/` next to the booklet cache (extra.booklets.cache_dir, or BOOKLET_CACHE in the tests)."""
    from ..config import load
    return (root / load(config).booklets.cache_dir).parent / "kit"


def prepare(config, root: Path, prune: bool = True) -> Kit:
    start = time.perf_counter()
    langs = languages(config)
    docs_dir = Path(config.docs_dir)
    try:
        decks = slide_model.decks(docs_dir, [lang.locale for lang in langs], root)
    except slide_model.KitError as exc:
        raise PluginError(report(exc.errors).replace("in the Markdown sources", "in the session plans (classroom kit slides)")) from None
    folder = cache_folder(config, root)
    folder.mkdir(parents=True, exist_ok=True)
    date_of = _dater(root, revision(root))
    prefixes = {lang.locale: lang.prefix for lang in langs}
    out, written, keep = [], 0, set()
    for deck in decks:
        date = date_of([deck.path])
        pptx = folder / f"{_digest(deck, date)}.pptx"
        keep.add(pptx.name)
        if not pptx.is_file():
            pptx_deck.write(deck, pptx, date)
            written += 1
        prefix = prefixes[deck.locale]
        module_url = File(prefix + f"modules/{deck.slug}.md", None, "", bool(config.use_directory_urls)).url
        item = Slides(deck, prefix, pptx, pptx.stat().st_size, "")
        item.html = reveal.document(deck, item.url("html"), module_url)
        out.append(item)
    if prune:
        now = time.time()
        for path in folder.glob("*.pptx"):
            if path.name not in keep and path.stat().st_mtime < now - KEEP_DAYS * 86400:
                path.unlink(missing_ok=True)
    kit = Kit(out, written, time.perf_counter() - start)
    log.info(f"Classroom kit: {len(out)} decks and presentations, {written} decks written, in {kit.seconds:.1f} s")
    return kit


def files(kit: Kit | None, config, locale: str) -> list[File]:
    """One language's decks and presentations as MkDocs files: MkDocs copies them, --strict checks links to them."""
    out = []
    for s in kit.of(locale) if kit else []:
        pptx = File.generated(config, s.src_uri("pptx"), abs_src_path=str(s.pptx))
        pptx.dest_uri = s.url("pptx")
        html = File.generated(config, s.src_uri("html"), content=s.html)
        html.dest_uri = s.url("html")
        out += [pptx, html]
    return out
