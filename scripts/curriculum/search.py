"""One search index per language, with accent folding.

The search and i18n plugins write a single merged search/search_index.json that every page
loads. We split it: the default language keeps search/search_index.json, each other language
gets <prefix>search/search_index.json with locations relative to its own root, and that
language's pages point their search base at their own root (see point_base()).
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError

from .languages import Language

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def split_index(site_dir: Path, langs: list[Language]) -> dict[str, int]:
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        raise PluginError(f"{merged_path}: the search plugin wrote no index; is 'search' still in mkdocs.yml plugins?")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    counts = {}
    others = [lang for lang in langs if not lang.default]
    for lang in langs:
        if lang.default:
            docs = [d for d in merged["docs"] if not any(o.owns(d["location"]) for o in others)]
        else:
            docs = [{**d, "location": d["location"][len(lang.prefix):]} for d in merged["docs"] if lang.owns(d["location"])]
        config = {**merged["config"], "lang": [lang.locale]}
        config["fields"] = {**config["fields"], FOLDED: {"boost": 1.0}}
        docs = [with_folded(d) for d in docs]
        index = {**merged, "config": config, "docs": docs}
        out = site_dir / lang.prefix / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang.locale] = len(docs)
    return counts


FOLDED = "folded"
TAGS = re.compile(r"<[^>]+>")
WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=200_000)  # the same words in every build, and in every rebuild under `mkdocs serve`
def fold(text: str) -> str:
    """'Protección' -> 'Proteccion': accents off, so a query typed without them still matches."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def with_folded(doc: dict) -> dict:
    """Add the accent-free forms of a section's accented words as an extra search field.

    Material builds one lunr field per entry of config.fields, so the query "proteccion" matches
    the folded field while "protección" matches the text itself. Only words whose folded form
    differs are stored, once each, to keep the index small. Results still show the text.
    """
    folded = _folded(doc.get("title", ""), doc.get("text", ""))
    return {**doc, FOLDED: folded} if folded else doc


@functools.lru_cache(maxsize=20_000)  # the same sections in every build of a language and every rebuild under serve
def _folded(title: str, text: str) -> str:
    plain = TAGS.sub(" ", f"{title} {text}")
    return " ".join(sorted({f for w in WORD.findall(plain) if (f := fold(w)) != w}))


def point_base(html: str, lang: Language, src: str) -> str:
    """Make a non-default language page load its own language's search index.

    Material fetches search/search_index.json relative to the "base" in its __config script;
    for pages under /en/ that base is the site root. We move it to the language root.
    """
    if lang.default:
        return html
    html, n = CONFIG_BASE.subn(lambda m: m.group(1) + _join(m.group(2), lang.prefix.rstrip("/")) + m.group(3), html, count=1)
    if n != 1:
        raise PluginError(f"{src}: could not find Material's __config script to point {lang.locale} search at its own index; "
                          "the theme's base.html changed: update CONFIG_BASE in scripts/curriculum/search.py")
    return html


def _join(base: str, sub: str) -> str:
    """'../..' + 'en' -> '../../en/'; '.' + 'en' -> './en/'; '/' + 'en' -> '/en/'.

    The trailing slash matters: Material resolves search/search_index.json against it."""
    if base.startswith("/") or "://" in base:
        return base.rstrip("/") + "/" + sub + "/"
    return (base.rstrip("/") or ".") + "/" + sub + "/"
