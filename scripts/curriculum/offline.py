"""Offline copies: one zip per language that opens from a folder or a phone's file manager (file://).

Material's offline plugin (mkdocs.yml, `enabled` by the CURRICULUM_OFFLINE variable) switches the
whole build to use_directory_urls: false, so a copy is a second build of its own: Copies starts
it as a subprocess (`mkdocs build` with CURRICULUM_OFFLINE=true) in the published build's
on_pre_build, after the booklets are rendered (the copy takes them from the same cache), so the
two builds run side by side; publish() in on_post_build waits for it, packs one zip per language
and puts each, with its size, on its language's download page. The zips are kept in
.cache/offline/<digest>/, keyed by everything the site is built from, so an unchanged rebuild
starts no copy; `mkdocs serve` makes them once and keeps them while you edit.

What the plugin leaves to us (finish(), in the copy's own build):
- it inlines only the root search index; each language's index becomes search/search_index.js;
- it appends the iframe-worker polyfill from a public CDN unless one whose address contains
  `iframe-worker` is configured: we configure the vendored copy (overrides/assets/javascripts/
  vendor/iframe-worker/, npm package iframe-worker 1.0.4, MIT);
- a language's zip holds every page of both languages (the language switch works) but only its
  own language's downloads (booklets, kit files); the other language's downloads are linked on
  the published site.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath

from mkdocs.exceptions import PluginError

from .languages import Language

ENV = "CURRICULUM_OFFLINE"
SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
WEB = {".html", ".css", ".js", ".json", ".xml", ".gz", ".svg", ".png", ".jpg", ".webp", ".ico", ".woff2", ".txt", ".map"}
INPUTS = ("mkdocs.yml", "requirements.txt", "docs", "data", "overrides", "posters", "scripts")
START = {"es": "ABRIR-AQUI.html", "en": "OPEN-HERE.html"}
HREF = re.compile(r'(href|src)="([^"#?:]+)([#?][^"]*)?"')


def building_copy() -> bool:
    """True inside the copy's own build (the subprocess ensure() starts)."""
    return os.environ.get(ENV) == "true"


def on_config(config) -> None:
    """In the copy's build: the vendored polyfill, before the offline plugin adds a CDN one."""
    if building_copy():
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]


@dataclass(frozen=True)
class Copy:
    locale: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def digest(root: Path, site_url: str) -> str:
    h = hashlib.sha256(site_url.encode())
    for top in INPUTS:
        base = root / top
        for path in sorted(base.rglob("*")) if base.is_dir() else [base]:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_dir(root: Path) -> Path:
    return Path(os.environ.get("OFFLINE_CACHE") or root / ".cache" / "offline")


class Copies:
    """This build's offline copies: ready from the cache, or a copy's build running beside it."""

    def __init__(self, config, root: Path, langs: list[Language], serve: bool):
        self.langs, self.site_url = langs, config.site_url or ""
        cache = cache_dir(root)
        self.target = cache / digest(root, self.site_url)
        if serve and not self.ready:
            earlier = sorted((d for d in cache.glob("*") if (d / "done").exists()), key=lambda d: d.stat().st_mtime)
            if earlier:  # serve: the copies of an earlier build, not a rebuild on each edit
                self.target = earlier[-1]
        self.process = self.tmp = None
        if not self.ready:  # started now, runs while this build renders its pages (2 cores)
            self.tmp = tempfile.TemporaryDirectory(prefix="offline-copy-")
            env = {**os.environ, ENV: "true", "SITE_URL": self.site_url}
            self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                                             config.config_file_path, "-d", str(Path(self.tmp.name) / "site")],
                                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for old in cache.glob("*"):
                if old != self.target and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)

    @property
    def ready(self) -> bool:
        return (self.target / "done").exists()

    def of(self, lang: Language) -> Copy:
        return Copy(lang.locale, self.target / zip_name(lang))

    def wait(self) -> None:
        """Wait for the copy's build, then pack one zip per language into the cache."""
        if self.process is None:
            return
        output = self.process.communicate()[0]
        if self.process.returncode:
            raise PluginError("the offline copy's build (mkdocs build with CURRICULUM_OFFLINE=true) failed:\n" + output)
        self.target.mkdir(parents=True, exist_ok=True)
        site = Path(self.tmp.name) / "site"
        for lang in self.langs:
            pack(site, lang, self.langs, self.site_url, self.target / zip_name(lang))
        (self.target / "done").touch()
        self.tmp.cleanup()
        self.process = None

    def publish(self, site_dir: Path) -> None:
        """Each zip into its language's offline/ folder, and its size into the download page."""
        self.wait()
        for lang in self.langs:
            copy = self.of(lang)
            folder = site_dir / lang.prefix / "offline"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy.path, folder / copy.name)
            _fill_size(folder / "index.html", copy)

    def stop(self) -> None:
        """The published build failed: end the copy's build (started by us) too."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.tmp.cleanup()
            self.process = None


def _fill_size(page: Path, copy: Copy) -> None:
    if page.is_file() and SIZE_MARK in (text := page.read_text(encoding="utf-8")):
        size = f"{copy.size / 1e6:.1f} MB"
        page.write_text(text.replace(SIZE_MARK, size.replace(".", ",") if copy.locale == "es" else size), encoding="utf-8")


SIZE_MARK = "@@offline-size@@"


def zip_name(lang: Language) -> str:
    return f"curriculum-{lang.locale}-offline.zip"


def finish(site_dir: Path, langs: list[Language]) -> None:
    """In the copy's build, after the index split: each language's index as a script (file://
    forbids fetching JSON; Material then loads search/search_index.js and reads __index)."""
    for lang in langs:
        index = site_dir / lang.prefix / "search" / "search_index.json"
        (index.with_suffix(".js")).write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def owner(rel: str, langs: list[Language]) -> Language:
    others = [lang for lang in langs if not lang.default]
    return next((lang for lang in others if lang.owns(rel)), next(lang for lang in langs if lang.default))


def pack(site: Path, lang: Language, langs: list[Language], site_url: str, out: Path) -> None:
    """Every page and asset; downloads (PDFs, kit files) of `lang` only, the others linked online."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    left_out = {rel for rel in files if Path(rel).suffix not in WEB and owner(rel, langs) != lang}
    folder = f"curriculum-{lang.locale}"
    start = (lang.prefix or "") + "index.html"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(f"{folder}/{START.get(lang.locale, 'index-' + lang.locale + '.html')}",
                   f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={start}">'
                   f'<title>{html.escape(lang.site_name)}</title><a href="{start}">{html.escape(lang.site_name)}</a>\n')
        for rel in files:
            if rel in left_out or rel.endswith(".json") and rel.split("/")[-2:] == ["search", "search_index.json"]:
                continue
            path = site / rel
            if rel.endswith(".html") and left_out:
                text = path.read_text(encoding="utf-8")
                z.writestr(f"{folder}/{rel}", online(text, rel, left_out, site_url))
            else:
                z.write(path, f"{folder}/{rel}")


def online(text: str, rel: str, left_out: set[str], site_url: str) -> str:
    """Links from a page to a download that is not in this copy point at the published site."""
    here = rel.rsplit("/", 1)[0] if "/" in rel else ""

    def fix(m):
        target = normpath(f"{here}/{m.group(2)}" if here else m.group(2))
        if target in left_out:
            return f'{m.group(1)}="{site_url.rstrip("/")}/{target}{m.group(3) or ""}"'
        return m.group(0)
    return HREF.sub(fix, text)


def table(copies: Copies | None, lang: Language, words: dict, site_url: str) -> str:
    """The download page's table: this language's copy and its size (filled in by publish(),
    once the copy's build beside this one has finished)."""
    if building_copy():
        url = f"{site_url.rstrip('/')}/{lang.prefix}offline/"
        return f"*{words['offline_in_copy']} <{url}>.*"
    if copies is None:
        return f"*{words['offline_none']}*"
    name = zip_name(lang)
    return "\n".join([f"| {words['offline_copy']} | {words['offline_size']} |", "|---|---|",
                      f'| <a href="{name}" download>{name}</a> | {SIZE_MARK} |'])
