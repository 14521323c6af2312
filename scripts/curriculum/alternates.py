"""Language alternates: the head's hreflang links and per-language sitemaps.

Material's language switch fetches sitemap.xml next to each <link rel="alternate"> of the
page head. The i18n plugin points those links at the translated page, so Material would ask
for /en/modules/x/sitemap.xml, which does not exist (a 404 on every page view). We point the
head links at each language root, where a sitemap.xml of that language's pages exists; the
per-page hreflang pairs live in those sitemaps, and the switcher's own links (partials) keep
going to the translated page. The head links are absolute (site_url): search engines and
Lighthouse's SEO audit reject a relative hreflang address.
"""
from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .languages import Language

HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([\w-]+)">')
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def head_links_to_roots(html: str, site_url: str | None, langs: list[Language]) -> str:
    """site_url None (an offline copy): the links go, no search engine reads a copy."""
    if site_url is None:
        return HEAD_ALTERNATE.sub("", html)
    by_locale = {lang.locale: lang for lang in langs}
    base = site_url.rstrip("/") + "/"

    def root(m):
        lang = by_locale.get(m.group(1))
        if lang is None:
            return m.group(0)
        href = base + lang.prefix
        return f'<link rel="alternate" href="{href}" hreflang="{lang.locale}">'

    return HEAD_ALTERNATE.sub(root, html)


def split_sitemap(site_dir: Path, site_url: str, langs: list[Language]) -> dict[str, int]:
    for prefix, uri in NS.items():
        ET.register_namespace("" if prefix == "sm" else prefix, uri)
    tree = ET.parse(site_dir / "sitemap.xml")
    urls = tree.getroot().findall("sm:url", NS)
    base = site_url.rstrip("/") + "/"
    others = [lang for lang in langs if not lang.default]
    counts = {}
    for lang in langs:
        root = ET.Element(f"{{{NS['sm']}}}urlset")
        for url in urls:
            rel = url.find("sm:loc", NS).text.removeprefix(base)
            mine = lang.owns(rel) if not lang.default else not any(o.owns(rel) for o in others)
            if mine:
                root.append(url)
        out = site_dir / lang.prefix / "sitemap.xml"
        out.parent.mkdir(parents=True, exist_ok=True)
        data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        out.write_bytes(data)
        out.with_suffix(".xml.gz").write_bytes(gzip.compress(data, mtime=0))
        counts[lang.locale] = len(root)
    return counts
