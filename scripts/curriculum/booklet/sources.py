"""Collect the booklet sources of one language: each booklet page with the page it belongs to.

A module booklet is docs/<lang>/booklets/NN-slug.md (front matter `booklet: N`) plus the key
messages section of the module page with that number. A protocol booklet is
docs/<lang>/booklets/<slug>.md (front matter `protocol: <slug>`): its own sections only, its
parent the protocol page docs/<lang>/guides/<slug>.md. checks.py has validated them before the
build. After collection only `kind` (labels, ids) tells them apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File

from .. import booklet_parts
from ..booklet_parts import KEY_MESSAGES
from ..errors import relative
from ..source import Page, parse


@dataclass
class Source:
    """One booklet: its source page and the page it belongs to (the module or the protocol)."""
    locale: str
    number: int  # the module number (b04-… ids), or the protocol's place among the protocols (p01-…)
    slug: str  # file stem, e.g. 04-crime-scene-and-operations
    path: Path
    rel: str  # relative to the project root, for messages
    page: Page
    parent: Page  # the page it belongs to: the module with its number
    parent_rel: str
    parent_url: str  # the parent's page online, for the QR code
    lead_md: str  # printed before the booklet's own sections: the module's key messages
    images: list[Path] = field(default_factory=list)  # every image file it prints
    kind: str = "module"  # module or protocol

    @property
    def title(self) -> str:
        return str(self.page.meta.get("title", self.slug))

    @property
    def prefix(self) -> str:
        """Prefix of its ids on paper: b04 for module 4, p01 for the first protocol."""
        return f"{'p' if self.kind == 'protocol' else 'b'}{self.number:02d}"


def page_url(site_url: str, prefix: str, rel_md: str, use_directory_urls: bool) -> str:
    """The address online of docs/<lang>/<rel_md>, as MkDocs names it (File.url)."""
    return site_url.rstrip("/") + "/" + File(prefix + rel_md, None, "", use_directory_urls).url


def collect(docs_dir: Path, locale: str, root: Path, site_url: str, prefix: str,
            use_directory_urls: bool) -> list[Source]:
    """Every booklet source of one language: the modules' in module order, then the protocols' by file name."""
    base = docs_dir / locale
    modules: dict[int, Page] = {}
    for path in sorted((base / "modules").glob("*.md")):
        page = parse(path)
        if path.name != "index.md" and isinstance(page.meta.get("module"), int):
            modules[page.meta["module"]] = page
    sources: list[Source] = []
    protocols: list[Source] = []
    for path in sorted((base / "booklets").glob("*.md")):
        if path.name == "index.md":
            continue
        page = parse(path)
        if "protocol" in page.meta:
            guide = parse(base / "guides" / f"{page.meta['protocol']}.md")
            url = page_url(site_url, prefix, guide.path.relative_to(base).as_posix(), use_directory_urls)
            protocols.append(Source(locale, len(protocols) + 1, path.stem, path, relative(path, root), page, guide,
                                    relative(guide.path, root), url, "", booklet_parts.images(page, "")[0], kind="protocol"))
            continue
        module = modules[page.meta["booklet"]]
        span = module.section(KEY_MESSAGES)
        key_md = "\n".join(module.lines[span[0] - 1:span[1] - 1])
        images = booklet_parts.images(page, "")[0] + booklet_parts.images(module, "", within=span)[0]
        url = page_url(site_url, prefix, module.path.relative_to(base).as_posix(), use_directory_urls)
        sources.append(Source(locale, page.meta["booklet"], path.stem, path, relative(path, root), page, module,
                              relative(module.path, root), url, key_md, images))
    return sorted(sources, key=lambda s: s.number) + protocols
