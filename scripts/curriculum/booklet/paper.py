"""Booklet Markdown -> HTML for paper (a Markdown Treeprocessor).

Rendered with the site's own Markdown extensions, plus a Treeprocessor: the title heading leaves the body (it goes on the cover), ids get the booklet's
prefix, links lead to the site online, images to their files. Headings come from toc_tokens.
"""
from __future__ import annotations

import copy
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .sources import Source, page_url

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


@dataclass(frozen=True)
class Site:
    """What links on paper need to know of the site, for one language."""
    url: str
    prefix: str  # "" or "en/"
    lang_dir: Path  # docs/<lang>
    use_directory_urls: bool
    extensions: tuple
    extension_configs: dict


class ForPaper(Treeprocessor):
    def __init__(self, md, page_path: Path, site: Site, id_prefix: str, drop_title: bool):
        super().__init__(md)
        self.page_path, self.site, self.id_prefix, self.drop_title = page_path, site, id_prefix, drop_title

    def run(self, root):
        if self.drop_title:
            title = next((el for el in root if re.fullmatch(r"h[1-6]", el.tag)), None)
            if title is not None:
                root.remove(title)
        for el in root.iter():
            if el.get("id"):
                el.set("id", f"{self.id_prefix}-{el.get('id')}")
            if el.tag == "a" and el.get("href"):
                el.set("href", self.link(el.get("href")))
            if el.tag == "img" and el.get("src") and not EXTERNAL.match(el.get("src")):
                el.set("src", (self.page_path.parent / el.get("src")).resolve().as_uri())

    def link(self, href: str) -> str:
        """A link on paper must still lead somewhere: to the page online, or within the booklet."""
        if href.startswith("#"):
            return f"#{self.id_prefix}-{href[1:]}" if len(href) > 1 else href
        if EXTERNAL.match(href):
            return href
        path, _, anchor = href.partition("#")
        here = self.page_path.parent.relative_to(self.site.lang_dir).as_posix()
        target = posixpath.normpath(posixpath.join(here, path))
        if target.endswith(".md"):
            url = page_url(self.site.url, self.site.prefix, target, self.site.use_directory_urls)
        else:
            url = self.site.url.rstrip("/") + "/" + self.site.prefix + target
        return url + (f"#{anchor}" if anchor else "")


class _Extension(Extension):
    def __init__(self, processor_args):
        super().__init__()
        self.processor_args = processor_args

    def extendMarkdown(self, md):
        md.treeprocessors.register(ForPaper(md, *self.processor_args), "for_paper", 4)  # after toc (5)


_rendered: dict[tuple, tuple[str, list[dict]]] = {}


def render(text: str, page_path: Path, site: Site, id_prefix: str, drop_title: bool = False,
           baselevel: int = 1) -> tuple[str, list[dict]]:
    """(HTML, toc_tokens) of Markdown text from page_path. The same arguments give the same
    result: it is remembered (the booklet plan converts every booklet on every rebuild under
    `mkdocs serve`, where one page has changed)."""
    key = (text, str(page_path), repr(site), id_prefix, drop_title, baselevel)
    if key not in _rendered:
        if len(_rendered) > 2000:  # a long serve session: start again rather than grow
            _rendered.clear()
        _rendered[key] = _convert(text, page_path, site, id_prefix, drop_title, baselevel)
    html, toc = _rendered[key]
    return html, copy.deepcopy(toc)


def _convert(text: str, page_path: Path, site: Site, id_prefix: str, drop_title: bool, baselevel: int) -> tuple[str, list[dict]]:
    configs = {k: dict(v) for k, v in site.extension_configs.items()}
    configs["toc"] = {**configs.get("toc", {}), "permalink": False, "baselevel": baselevel}  # no ¶ on paper
    md = markdown.Markdown(extensions=[*site.extensions, _Extension((page_path, site, id_prefix, drop_title))],
                           extension_configs=configs)
    return md.convert(text), md.toc_tokens


def inline(text: str, site: Site) -> str:
    """One line of Markdown (a label in data/labels.yml) as inline HTML."""
    html, _ = render(text, site.lang_dir / "index.md", site, "x")
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html


@dataclass
class Fragment:
    """One booklet's content, ready to place in a document."""
    source: Source
    short_title: str  # the level-1 heading, as HTML
    plain_title: str  # the same, as plain text
    body: str  # key messages + booklet sections, ids prefixed
    sections: list[tuple[str, str]]  # (id, text as HTML) of each level-2 heading, in order


def fragment(src: Source, site: Site, baselevel: int = 1) -> Fragment:
    """baselevel 2 for a chapter of the complete guide: every heading one level down."""
    prefix = src.prefix
    body_md = "\n".join(src.page.lines[src.page.body_start - 1:])
    body, toc = render(body_md, src.path, site, prefix, drop_title=True, baselevel=baselevel)
    title = toc[0] if toc else {"html": src.title, "name": src.title, "children": []}
    key, key_toc = "", []
    if src.lead_md:  # a module's key messages; a protocol's booklet has none
        key, key_toc = render(src.lead_md, src.parent.path, site, prefix, baselevel=baselevel)
        key = f'<section class="key-messages" data-source="{src.parent_rel}">\n{key}\n</section>\n'
    sections = [(f"{prefix}-{t['id']}", t["name"]) for t in [*key_toc, *title["children"]]]
    return Fragment(src, title["html"], html.unescape(title["name"]), key + body, sections)
