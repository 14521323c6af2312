"""Under `mkdocs serve` only: work that a rebuild would repeat unchanged is remembered.

- Jinja templates (Material's and ours) are compiled once, not on every rebuild in each language:
  MkDocs makes a new template environment per build, and an in-memory bytecode cache is Jinja's
  own way to keep compiled templates across environments (a template whose source changed is
  compiled again: the cache checks each source's checksum).
- mkdocs-git-revision-date-localized asks git for each page's last commit (and its tag) on every
  rebuild, some 330 `git` processes. Its answers are remembered while the repository's refs are
  the same (`git show-ref --head`, one process per rebuild): an edit that is not committed does not
  change them, as the plugin reads only commits.

- MkDocs lists the theme's files on every rebuild in each language (Material's templates folder
  holds thousands of icons): a folder inside the installed packages is listed once; our
  overrides folder is listed every time, so a new template or asset is seen.

- Material's search plugin reads each page's HTML again to index it; a page whose HTML, address,
  title, table of contents and search settings are as at the last rebuild gets the same entries.

`mkdocs build` uses none of this (`install` is called from on_startup for serve only).
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sysconfig
from pathlib import Path

import jinja2


class _Templates(jinja2.BytecodeCache):
    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the template's checksum differs

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _Templates()
_refs: list[str] = []  # `git show-ref --head` at this rebuild (one repository: the project's)
_answers: dict[tuple, object] = {}
_installed = False


def templates(env: jinja2.Environment) -> jinja2.Environment:
    env.bytecode_cache = TEMPLATES
    return env


def new_rebuild() -> None:
    _refs.clear()


def _state(folder: str) -> str:
    if not _refs:
        try:
            result = subprocess.run(["git", "show-ref", "--head"], cwd=folder, capture_output=True, text=True)
            _refs.append(result.stdout if result.returncode == 0 else f"no git: {result.returncode}")
        except OSError as error:  # no git at all: the plugin falls back to the build date
            _refs.append(f"no git: {error}")
    return _refs[0]


def remember(method, name: str):
    """`method` of the git plugin's Util, answering again only when the refs have changed."""
    def ask(self, *args, **kwargs):
        path = kwargs.get("path") or (args[0] if args and name == "commit" else "")
        key = (name, _state(os.path.dirname(path) or "."), args, tuple(sorted(kwargs.items())))
        if key not in _answers:
            _answers[key] = method(self, *args, **kwargs)
        return _answers[key]
    return ask


def install() -> None:
    """Remember the git plugin's two questions per rebuild state of the refs."""
    global _installed
    if _installed:
        return
    from mkdocs_git_revision_date_localized_plugin.util import Util

    Util.get_git_commit_timestamp = remember(Util.get_git_commit_timestamp, "commit")
    Util.get_tag_name_for_commit = remember(Util.get_tag_name_for_commit, "tag")
    _remember_search_entries()
    jinja2.FileSystemLoader.list_templates = listing(jinja2.FileSystemLoader.list_templates)
    _installed = True


_listed: dict[tuple[str, bool], list[str]] = {}


def _installed_package(folder: str) -> bool:
    """A folder inside the installed packages: no edit under serve changes it."""
    paths = sysconfig.get_paths()
    here = Path(folder).resolve()
    return any(here.is_relative_to(Path(paths[k]).resolve()) for k in ("purelib", "platlib"))


def listing(method):
    """jinja2.FileSystemLoader.list_templates, each installed package's folder walked once."""
    def list_templates(self):
        found: set[str] = set()
        for folder in self.searchpath:
            one = jinja2.FileSystemLoader([folder], followlinks=self.followlinks)
            if _installed_package(folder):
                key = (str(Path(folder).resolve()), self.followlinks)
                if key not in _listed:
                    _listed[key] = method(one)
                found.update(_listed[key])
            else:
                found.update(method(one))
        return sorted(found)
    return list_templates


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def _remember_search_entries() -> None:
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex.add_entry_from_context
    kept: dict[str, list] = {}

    def add_entry_from_context(self, page):
        meta = {k: page.meta.get(k) for k in ("title", "tags", "search")}
        key = hashlib.sha1(json.dumps([page.content, page.url, str(page.title), _toc(page.toc), meta],
                                      default=repr, sort_keys=True).encode()).hexdigest()
        if key in kept:
            self.entries.extend(copy.deepcopy(kept[key]))
            return
        before = len(self.entries)
        index(self, page)
        kept[key] = copy.deepcopy(self.entries[before:])

    SearchIndex.add_entry_from_context = add_entry_from_context
