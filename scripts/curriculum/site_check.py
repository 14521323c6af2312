"""Read the built site back: every internal link, anchor and asset resolves, and nothing is
loaded from another host (fonts, scripts, styles, images and frames all ship with the site)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .errors import SourceError

LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
         "video": "src", "embed": "src", "object": "data"}
RESOURCE_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "preconnect"}
CSS_REMOTE = re.compile(r"@import\s+(?:url\()?\s*['\"]?(?:https?:)?//|url\(\s*['\"]?(?:https?:)?//")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str, str, bool]] = []  # (line, tag, attribute, value, loads a file)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        line = self.getpos()[0]
        if tag == "a" and a.get("href") is not None:
            self.refs.append((line, tag, "href", a["href"], False))
        elif tag == "link" and a.get("href"):
            loads = bool(RESOURCE_RELS & set((a.get("rel") or "").lower().split()))  # not canonical, alternate
            self.refs.append((line, tag, "href", a["href"], loads))
        elif tag in LOADS and a.get(LOADS[tag]):
            self.refs.append((line, tag, LOADS[tag], a[LOADS[tag]], True))


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check(site_dir: Path, site_url: str, root: Path, langs: list[str]) -> list[SourceError]:
    """Problems in the built site; messages name the built file, its source, the line and the fix.

    langs: the site's languages, the default (unprefixed) one first."""
    base = urlsplit(site_url)
    host, prefix = base.netloc, base.path if base.path.endswith("/") else base.path + "/"
    pages = {p: _read(p) for p in sorted(site_dir.rglob("*.html"))}
    errors: list[SourceError] = []

    def where(path: Path) -> str:
        return located(path, site_dir, root, langs)

    for path, page in pages.items():
        rel = path.relative_to(site_dir).as_posix()
        served_at = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        if rel.endswith("404.html"):
            served_at = rel  # served at any address, so its links are absolute
        page_url = f"{base.scheme}://{host}{prefix}{served_at}"
        for line, tag, attr, value, loads in page.refs:
            target = urlsplit(urljoin(page_url, value))
            if target.scheme in ("http", "https") and target.netloc != host:
                if loads:
                    errors.append(SourceError(where(path), line, f"<{tag} {attr}=\"{value}\"> loads from another host: "
                                                                 f"ship the file with the site (overrides/assets/) and point at it"))
                continue
            if target.scheme not in ("http", "https", ""):  # mailto:, tel:
                continue
            if not target.path.startswith(prefix):
                continue
            local = site_dir / unquote(target.path[len(prefix):])
            if target.path.endswith("/") or local.is_dir():
                local = local / "index.html"
            if not local.exists():
                errors.append(SourceError(where(path), line, f"{attr}=\"{value}\" points at {target.path}, which the build "
                                                             f"did not produce: fix the link or add the page"))
            elif target.fragment and local.suffix == ".html" and tag == "a":
                ids = pages[local].ids if local in pages else _read(local).ids
                if unquote(target.fragment) not in ids:
                    errors.append(SourceError(where(path), line, f"anchor #{target.fragment} of {value} does not exist in "
                                                                 f"{local.relative_to(site_dir).as_posix()}: use a heading id that exists"))
    for css in sorted(site_dir.rglob("*.css")):
        for number, text in enumerate(css.read_text(encoding="utf-8").splitlines(), start=1):
            if CSS_REMOTE.search(text):
                errors.append(SourceError(where(css), number, "this stylesheet loads from another host: ship the file "
                                                              "with the site and use a relative url()"))
    return errors


def located(path: Path, site_dir: Path, root: Path, langs: list[str]) -> str:
    """How messages name a built file: its path, and the Markdown source it came from."""
    try:
        built = path.relative_to(root).as_posix()
    except ValueError:
        built = path.relative_to(site_dir).as_posix()
    source = _source_of(path.relative_to(site_dir), root / "docs", langs)
    return f"{built} (from {source})" if source else built


def _source_of(rel: Path, docs: Path, langs: list[str]) -> str | None:
    """docs/<lang>/x/y.md for a built [<lang>/]x/y/index.html (the default language has no prefix)."""
    parts = list(rel.parts)
    if not parts or parts[-1] != "index.html":
        return None
    lang, inner = (parts[0], parts[1:-1]) if parts[0] in langs[1:] else (langs[0], parts[:-1])
    stem = "/".join(inner)
    for c in ([docs / lang / f"{stem}.md", docs / lang / stem / "index.md"] if stem else [docs / lang / "index.md"]):
        if c.exists():
            return c.relative_to(docs.parent).as_posix()
    return None
