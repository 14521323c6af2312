"""The source checks: a registry of named checks over docs/<lang>/, run by the build and the CLI.

scripts/mkdocs_hooks.py and `python -m curriculum check` both call run().

A check is a function of the parsed Sources returning SourceErrors; register one with
@check("name") and every caller runs it, timed, in registration order.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import booklet_parts, frontmatter, module_parts, parity, session_plan, terminology
from .errors import SourceError, relative
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


def check(name: str):
    def register(fn):
        REGISTRY[name] = fn
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


def run(docs_dir: Path, langs: list[str], root: Path) -> list[Outcome]:
    start = time.perf_counter()
    sources = load(docs_dir, langs, root)
    outcomes = [Outcome("sources", sources.unreadable, time.perf_counter() - start)]
    for name, fn in REGISTRY.items():
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
        seen: dict[int, str] = {}
        for _, p in s.of_kind(lang, "booklet"):
            if isinstance(p.meta.get("booklet"), int):
                errors += booklet_parts.check(p, s.rel(p), lang, modules, seen)
    return errors


@check("terminology")
def _terminology(s: Sources) -> list[SourceError]:
    return [e for lang in s.langs for p in s.pages[lang].values() for e in terminology.check(p, s.rel(p), lang)]
