"""The real site builds strictly, and both languages have the same pages and heading ids."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from conftest import SITE_URL, built_pages
from curriculum import script_loader


class Headings(HTMLParser):
    """Collects (level, id) of h2-h6 inside the article, and the html lang."""

    def __init__(self):
        super().__init__()
        self.headings, self.lang, self.in_article = [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "article":
            self.in_article = True
        if self.in_article and re.fullmatch(r"h[2-6]", tag):
            self.headings.append((tag, a.get("id")))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False


def parse(path: Path) -> Headings:
    h = Headings()
    h.feed(path.read_text(encoding="utf-8"))
    return h


def pages(root: Path, exclude: tuple[str, ...] = ()) -> set[str]:
    """The pages (index.html files) under root, as paths relative to it, minus `exclude` folders."""
    found = {p.relative_to(root).as_posix() for p in root.rglob("index.html")}
    return {p for p in found if not p.startswith(exclude)}


def test_builds_strictly_without_warnings(built_site):
    out, _, _, result = built_site
    log = result.stdout + result.stderr
    assert "WARNING" not in log, log
    assert (out / "index.html").exists() and (out / "en" / "index.html").exists()


def test_same_pages_and_heading_ids_in_both_languages(built_site):
    out = built_site[0]
    es_pages = pages(out, exclude=("en/",))
    en_pages = pages(out / "en")
    assert len(es_pages) > 20 and es_pages == en_pages
    for rel in sorted(es_pages):
        es, en = parse(out / rel), parse(out / "en" / rel)
        assert es.lang == "es" and en.lang == "en", rel
        assert es.headings == en.headings, f"{rel}: heading levels or ids differ"
        assert all(hid for _, hid in es.headings), f"{rel}: a heading has no id"


def test_each_language_has_its_own_search_index_sitemap_and_404(built_site):
    out, url, _, _ = built_site
    es = json.loads((out / "search" / "search_index.json").read_text())
    en = json.loads((out / "en" / "search" / "search_index.json").read_text())
    assert es["config"]["lang"] == ["es"] and en["config"]["lang"] == ["en"]
    assert es["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in es["docs"])
    assert {d["location"] for d in en["docs"] if "#" not in d["location"]} >= {""}
    # accent folding: the Spanish index holds "proteccion" for module 5, whose title says "protección"
    module5 = [d for d in es["docs"] if d["location"] == "modules/05-victim-identification-and-protection/"]
    assert module5 and "proteccion" in module5[0].get("folded", "").lower().split(), module5[:1]
    es_map = (out / "sitemap.xml").read_text()
    en_map = (out / "en" / "sitemap.xml").read_text()
    assert f"<loc>{url}en/" not in es_map and f"<loc>{url}about/</loc>" in es_map
    assert f"<loc>{url}en/about/</loc>" in en_map and 'hreflang="es"' in en_map
    assert 'lang="es"' in (out / "404.html").read_text()[:2000]
    assert 'lang="en"' in (out / "en" / "404.html").read_text()[:2000]


def test_pages_have_description_canonical_and_hreflang(built_site):
    """The head's alternates lead to each language's root (where its sitemap is); the sitemaps
    pair each page with its translation."""
    out, url, _, _ = built_site
    html = (out / "en" / "about" / "index.html").read_text()
    assert '<meta name="description" content="The sources and mandate' in html
    assert f'<link rel="canonical" href="{url}en/about/">' in html
    alternates = dict(re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([\w-]+)">', html))
    assert {lang: urljoin(f"{url}en/about/", href) for href, lang in alternates.items()} == {"es": url, "en": f"{url}en/"}
    for sitemap in (out / "sitemap.xml", out / "en" / "sitemap.xml"):
        for entry in re.findall(r"<url>.*?</url>", sitemap.read_text(encoding="utf-8"), re.DOTALL):
            if "about/</loc>" in entry:
                pairs = dict((lang, href) for href, lang in re.findall(r'href="([^"]+)" hreflang="([\w-]+)"', entry)
                             + [(h, lang) for lang, h in re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', entry)])
                assert pairs == {"es": f"{url}about/", "en": f"{url}en/about/"}, entry


def test_site_is_built_at_a_fixed_address_with_a_temporary_booklet_cache(built_site):
    """A fixed SITE_URL keeps booklet cache keys stable between test workers; the cache is
    pytest's, so the developer's .cache/booklets stays as it was."""
    out, url, _, result = built_site
    assert url == SITE_URL
    m = re.search(r"Booklets: .* from the cache \((.+?)\)", result.stdout + result.stderr)
    assert m, result.stderr
    assert Path(m.group(1)).is_absolute() and Path(m.group(1)).name == "booklet-cache", m.group(1)


def test_no_reference_to_another_host(built_site):
    """Fonts, scripts and styles ship with the site: no src/href to another host in any page."""
    out, url, _, _ = built_site
    pattern = re.compile(r'(?:src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]+"[^>]*>')
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"<(script|link|img|iframe|source)\b[^>]*>", text):
            tag = m.group(0)
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue
            assert not pattern.search(tag), f"{path.relative_to(out)}: {tag}"
        for src in script_loader.addresses(text) or []:  # the scripts the page inserts once parsed
            assert not re.match(r"(https?:)?//(?!127\.0\.0\.1)", src), f"{path.relative_to(out)}: {src}"
    for css in out.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://", css.read_text(encoding="utf-8")), css


def test_every_internal_link_and_asset_resolves(built_site):
    """No href or src in any built page points at a file that does not exist (no 404s)."""
    out, url, _, _ = built_site
    from urllib.parse import unquote, urljoin, urlsplit

    missing = []
    for path in out.rglob("*.html"):
        rel = path.relative_to(out).as_posix()
        page_url = url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        if rel == "404.html" or rel.endswith("/404.html"):
            page_url = url + rel  # served at any address, its links are absolute
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?]+)', text) + (script_loader.addresses(text) or []):
            target = urljoin(page_url, ref)
            if not target.startswith(url):
                continue
            local = out / unquote(urlsplit(target).path[len(urlsplit(url).path):])
            if target.endswith("/"):
                local = local / "index.html"
            if not local.exists():
                missing.append(f"{rel}: {ref}")
    assert not missing, missing[:20]


def test_heading_permalinks_are_named_without_a_tooltip_on_every_page(built_site):
    """Every page of both languages: a heading's permalink has an accessible name (aria-label) and
    no title, so Material's content.tooltips does not build a tooltip for each heading (issue 18)."""
    import re

    pages = built_pages(built_site[0])
    assert len(pages) > 80
    named = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<a class="headerlink"[^>]*>', html)
        assert not [a for a in links if " title=" in a], page
        assert all('aria-label="' in a for a in links), page
        named += len(links)
    assert named > 500
