"""The source checks: a registry of named checks over docs/<lang>/, run by the build and the CLI.

`python -m curriculum check` (make check, pre-commit, CI) runs every check; the build
(scripts/mkdocs_hooks.py) runs those registered with build=True, the ones that decide whether
the site and its booklets are right, and leaves prose checks (spelling, language, lint) to the gate.

A check is a function of the parsed Sources returning SourceErrors; register one with
@check("name") and every caller runs it, timed, in registration order.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import (booklet_parts, frontmatter, guide_links, markdown_lint, module_parts, pacing, page_language, parity,
               posters, session_plan, spelling, terminology, third_party)
from .errors import SourceError, relative
from .kit import questions as question_banks, slide_model, video
from .source import FrontMatterError, Page, parse


@dataclass
class Sources:
    """Every Markdown page of every language, parsed once for all the checks."""
    root: Path  # the project folder: messages name files relative to it
    langs: list[str]  # default language first
    pages: dict[str, dict[Path, Page]]  # language -> path inside docs/<lang>/ -> page
    unreadable: list[SourceError]  # language folders missing, front matter that is not YAML

    def rel(self, page: Page) -> str:
        return relative(page.path, self.root)

    def of_kind(self, lang: str, kind: str) -> list[tuple[Path, Page]]:
        return [(r, p) for r, p in self.pages[lang].items() if frontmatter.kind_of(r) == kind]


@dataclass
class Outcome:
    name: str
    errors: list[SourceError]
    seconds: float


REGISTRY: dict[str, Callable[[Sources], list[SourceError]]] = {}
IN_BUILD: set[str] = set()


def check(name: str, build: bool = True):
    def register(fn):
        REGISTRY[name] = fn
        if build:
            IN_BUILD.add(name)
        return fn
    return register


def load(docs_dir: Path, langs: list[str], root: Path) -> Sources:
    sources = Sources(root, langs, {}, [])
    for lang in langs:
        sources.pages[lang] = {}
        base = docs_dir / lang
        if not base.is_dir():
            sources.unreadable.append(SourceError(relative(base, root), None, f"language folder is missing: create docs/{lang}/ with the same pages as the other languages"))
            continue
        for path in sorted(base.rglob("*.md")):
            try:
                sources.pages[lang][path.relative_to(base)] = parse(path)
            except FrontMatterError as exc:
                sources.unreadable.append(SourceError(relative(path, root), exc.line, exc.message))
    return sources


def run(docs_dir: Path, langs: list[str], root: Path, build_only: bool = False,
        sources: Sources | None = None) -> list[Outcome]:
    """Every registered check (build_only: those the build runs), timed, in order; `sources`, when
    the caller has already parsed the pages, saves a second parse."""
    start = time.perf_counter()
    sources = sources or load(docs_dir, langs, root)
    outcomes = [Outcome("sources", sources.unreadable, time.perf_counter() - start)]
    for name, fn in REGISTRY.items():
        if build_only and name not in IN_BUILD:
            continue
        start = time.perf_counter()
        outcomes.append(Outcome(name, fn(sources), time.perf_counter() - start))
    return outcomes


def errors(outcomes: list[Outcome]) -> list[SourceError]:
    return [e for o in outcomes for e in o.errors]


@check("front matter")
def _front_matter(s: Sources) -> list[SourceError]:
    return [e for lang in s.langs for r, p in s.pages[lang].items() for e in frontmatter.validate(p, s.rel(p), r)]


@check("parity")
def _parity(s: Sources) -> list[SourceError]:
    errors = parity.missing_pages(s.pages, s.root)
    errors += [e for lang in s.langs for p in s.pages[lang].values() for e in parity.heading_ids(p, s.rel(p))]
    default, *others = s.langs
    for other in others:
        for r in sorted(set(s.pages[default]) & set(s.pages[other])):
            errors += parity.compare(s.pages[default][r], s.pages[other][r], s.root)
    return errors


@check("session plans")
def _session_plans(s: Sources) -> list[SourceError]:
    return [e for lang in s.langs for _, p in s.of_kind(lang, "module") for e in session_plan.check(p, s.rel(p))]


@check("module parts")
def _module_parts(s: Sources) -> list[SourceError]:
    errors = []
    for lang in s.langs:
        modules = s.of_kind(lang, "module")
        errors += module_parts.unique_numbers([(s.rel(p), p) for _, p in modules])
        errors += [e for _, p in modules for e in module_parts.check(p, s.rel(p))]
    return errors


@check("booklet sources")
def _booklets(s: Sources) -> list[SourceError]:
    errors = []
    for lang in s.langs:
        modules = {p.meta["module"]: (s.rel(p), p) for _, p in s.of_kind(lang, "module") if isinstance(p.meta.get("module"), int)}
        guides = {r.stem: (s.rel(p), p) for r, p in s.of_kind(lang, "guide")}
        seen: dict[int, str] = {}
        covered: set[str] = set()
        for _, p in s.of_kind(lang, "booklet"):
            if "protocol" in p.meta and "booklet" not in p.meta:
                errors += booklet_parts.check_protocol(p, s.rel(p), lang, guides)
                covered.add(str(p.meta["protocol"]))
            elif isinstance(p.meta.get("booklet"), int):
                errors += booklet_parts.check(p, s.rel(p), lang, modules, seen)
        errors += booklet_parts.protocols_without_booklet(lang, guides, covered)
    return errors


@check("kit slides")
def _kit_slides(s: Sources) -> list[SourceError]:
    """Every session-plan row of every module maps to sections the slide can present (curriculum/kit/slide_model.py)."""
    by_name: dict[str, list] = {}
    for lang in s.langs:
        for r, p in s.of_kind(lang, "module"):
            by_name.setdefault(r.name, []).append((p, s.rel(p), lang))
    return [e for pages in by_name.values() for e in slide_model.check(pages)]


@check("posters")
def _posters(s: Sources) -> list[SourceError]:
    return posters.check(s.root, s.langs)


@check("question banks")
def _question_banks(s: Sources) -> list[SourceError]:
    """questions/<lang>/module-NN.yml of every module page (curriculum/kit/questions.py)."""
    objectives = {}
    for lang in s.langs:
        for _, p in s.of_kind(lang, "module"):
            if isinstance(p.meta.get("module"), int):
                objectives.setdefault(p.meta["module"], len(p.meta.get("objectives") or []))
    return question_banks.check(s.root, s.langs, objectives)


@check("video scripts")
def _video_scripts(s: Sources) -> list[SourceError]:
    modules = {lang: {p.meta.get("module") for _, p in s.of_kind(lang, "module") if isinstance(p.meta.get("module"), int)}
               for lang in s.langs}
    return video.check(s.root, s.langs, modules)


@check("pacing")
def _pacing(s: Sources) -> list[SourceError]:
    rules = pacing.load_rules()
    errors = []
    for lang in s.langs:
        for _, p in s.of_kind(lang, "module"):
            number = p.meta.get("module")
            bank = question_banks.load(s.root, lang, number) if isinstance(number, int) else None
            errors += pacing.check(p, s.rel(p), rules, len(bank.in_check) if bank else 0)
    return errors


@check("guide links")
def _guide_links(s: Sources) -> list[SourceError]:
    return [e for lang in s.langs for _, p in s.of_kind(lang, "guide")
            for e in guide_links.check(p, s.rel(p), s.root / "docs" / lang / "modules")]


@check("terminology")
def _terminology(s: Sources) -> list[SourceError]:
    rules = terminology.load_rules()
    return ([e for lang in s.langs for r, p in s.pages[lang].items()
             for e in terminology.check(p, s.rel(p), lang, frontmatter.kind_of(r), rules)]
            + [e for lang in s.langs for p in video.prose(s.root, lang)
               for e in terminology.check(p, s.rel(p), lang, "page", rules)])


@check("spelling", build=False)
def _spelling(s: Sources) -> list[SourceError]:
    errors = []
    for lang in s.langs:
        pages = [(p, s.rel(p)) for p in s.pages[lang].values()]
        pages += [(p, s.rel(p)) for p in video.prose(s.root, lang)]  # the video scripts' text
        if lang == "es":
            errors += spelling.spanish(pages)
        elif lang == "en":
            errors += spelling.english(pages, s.root)
    return errors


@check("language of each paragraph", build=False)
def _language(s: Sources) -> list[SourceError]:
    return [e for lang in s.langs for p in s.pages[lang].values()
            for e in page_language.check(p, s.rel(p), lang, [o for o in s.langs if o != lang])]


@check("third-party loads", build=False)
def _third_party(s: Sources) -> list[SourceError]:
    return third_party.check(s.root)


@check("markdown lint", build=False)
def _markdown_lint(s: Sources) -> list[SourceError]:
    return markdown_lint.check(s.root)
