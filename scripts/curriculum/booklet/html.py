"""Booklet sources -> print HTML for WeasyPrint.

A booklet is docs/<lang>/booklets/NN-slug.md (front matter `booklet: N`) plus the key messages
section of the module page with that number in the same language. The Markdown is rendered
with the same extensions as the site (mkdocs.yml markdown_extensions), minus the toc permalinks.
Every problem is collected as a SourceError naming the file, the line and the fix.
"""
from __future__ import annotations

import base64
import html as htmlmod
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import segno

from .. import booklet_parts
from ..booklet_parts import KEY_MESSAGES
from ..errors import relative
from ..source import Page, parse

ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)
H_OPEN = re.compile(r"<(/?)h([1-6])\b")
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>\s*", re.DOTALL)
H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
ATTR_ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'\bhref="([^"]*)"')
IMG_SRC = re.compile(r'(<img\b[^>]*\bsrc=")([^"]*)(")')


@dataclass
class Source:
    """One booklet: its source page and the module page it belongs to."""
    locale: str
    number: int
    slug: str  # file stem, e.g. 04-crime-scene-and-operations
    path: Path
    rel: str  # relative to the project root, for messages
    page: Page
    module: Page
    module_rel: str
    module_url: str  # the module's page online
    key_messages_md: str
    images: list[Path] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.page.meta.get("title", self.slug))


@dataclass(frozen=True)
class Context:
    """What every booklet of one language shares."""
    locale: str
    language_name: str
    words: dict
    site_name: str
    site_url: str
    prefix: str  # "" or "en/"
    revision: str
    css_size: str
    use_directory_urls: bool
    extensions: tuple
    extension_configs: dict


def collect(docs_dir: Path, locale: str, root: Path, site_url: str, prefix: str,
            use_directory_urls: bool) -> list[Source]:
    """Every booklet source of one language, in module order (checks.py has checked them)."""
    base = docs_dir / locale
    modules: dict[int, tuple[str, Page]] = {}
    for path in sorted((base / "modules").glob("*.md")):
        page = parse(path)
        if path.name != "index.md" and isinstance(page.meta.get("module"), int):
            modules[page.meta["module"]] = (relative(path, root), page)
    sources: list[Source] = []
    for path in sorted((base / "booklets").glob("*.md")):
        if path.name == "index.md":
            continue
        page = parse(path)
        number = page.meta["booklet"]
        module_rel, module = modules[number]
        span = module.section(KEY_MESSAGES)
        key_md = "\n".join(module.lines[span[0] - 1:span[1] - 1])
        images = booklet_parts.images(page, "")[0] + booklet_parts.images(module, "", within=span)[0]
        url = site_url.rstrip("/") + "/" + _page_url(module.path.relative_to(base).as_posix(), prefix, use_directory_urls)
        sources.append(Source(locale, number, path.stem, path, relative(path, root), page, module, module_rel, url, key_md, images))
    sources.sort(key=lambda s: s.number)
    return sources


def _page_url(rel_md: str, prefix: str, use_directory_urls: bool) -> str:
    """'modules/04-x.md' -> 'en/modules/04-x/' (as MkDocs names the page's address)."""
    stem = rel_md[:-3]
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
        return prefix + (stem + "/" if stem else "")
    return prefix + (stem + "/" if use_directory_urls else stem + ".html")


# --- Markdown -> HTML fragments ---------------------------------------------------------------

def _markdown(ctx: Context) -> markdown.Markdown:
    configs = {k: dict(v) for k, v in ctx.extension_configs.items()}
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}  # no ¶ anchors on paper
    return markdown.Markdown(extensions=list(ctx.extensions), extension_configs=configs)


def render_markdown(text: str, ctx: Context) -> str:
    return _markdown(ctx).convert(text)


def _body_md(page: Page) -> str:
    return "\n".join(page.lines[page.body_start - 1:])


def _prefix_ids(html: str, prefix: str) -> str:
    html = ATTR_ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', html)
    return HREF.sub(lambda m: f'href="#{prefix}-{m.group(1)[1:]}"' if m.group(1).startswith("#") and len(m.group(1)) > 1 else m.group(0), html)


def _absolute_links(html: str, page_path: Path, ctx: Context, lang_dir: Path) -> str:
    """Relative links point at the site online: a link on paper must still lead somewhere."""
    def fix(m):
        href = htmlmod.unescape(m.group(1))
        if not href or ABSOLUTE.match(href):
            return m.group(0)
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(page_path.parent.relative_to(lang_dir).as_posix(), path))
        if target.endswith(".md"):
            url = _page_url(target, ctx.prefix, ctx.use_directory_urls)
        else:
            url = ctx.prefix + target
        full = ctx.site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")
        return f'href="{htmlmod.escape(full)}"'
    return HREF.sub(fix, html)


def _file_images(html: str, page_path: Path) -> str:
    def fix(m):
        src = htmlmod.unescape(m.group(2))
        if src.startswith("data:"):
            return m.group(0)
        return m.group(1) + (page_path.parent / src).resolve().as_uri() + m.group(3)
    return IMG_SRC.sub(fix, html)


def shift_headings(html: str, by: int) -> str:
    return H_OPEN.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + by)}", html)


@dataclass
class Fragment:
    """One booklet's content, ready to place in a document."""
    source: Source
    short_title: str  # the H1, as HTML
    body: str  # key messages + booklet sections, ids prefixed
    sections: list[tuple[str, str]]  # (id, text) of each level-2 heading, in order


def fragment(src: Source, ctx: Context, docs_dir: Path) -> Fragment:
    lang_dir = docs_dir / ctx.locale
    prefix = f"b{src.number:02d}"
    body = render_markdown(_body_md(src.page), ctx)
    m = H1.search(body)
    short_title = m.group(1).strip() if m else htmlmod.escape(src.title)
    body = H1.sub("", body, count=1)
    body = _file_images(_absolute_links(body, src.path, ctx, lang_dir), src.path)
    key = render_markdown(src.key_messages_md, ctx)
    key = _file_images(_absolute_links(key, src.module.path, ctx, lang_dir), src.module.path)
    key = f'<section class="key-messages" data-source="{htmlmod.escape(src.module_rel)}">\n{key}\n</section>'
    body = _prefix_ids(key + "\n" + body, prefix)
    sections = [(i, TAG.sub("", t).strip()) for i, t in H2.findall(body)]
    return Fragment(src, short_title, body, sections)


# --- Documents ----------------------------------------------------------------------------------

def qr_img(url: str, words: dict) -> str:
    qr = segno.make(url, error="m", micro=False)
    uri = qr.svg_data_uri(scale=1, border=0, dark="#000", light="#fff", omitsize=True)
    alt = htmlmod.escape(words["qr_alt"].format(url=url))
    return f'<img class="qr" src="{uri}" alt="{alt}">'


def _head(ctx: Context, title: str, description: str, date: str, keywords: str) -> str:
    e = htmlmod.escape
    return f"""<!DOCTYPE html>
<html lang="{e(ctx.locale)}">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<meta name="author" content="{e(ctx.site_name)}">
<meta name="description" content="{e(description)}">
<meta name="keywords" content="{e(keywords)}">
<meta name="dcterms.created" content="{e(date)}">
<meta name="dcterms.modified" content="{e(date)}">
<style>@page {{ size: {ctx.css_size}; }}</style>
</head>
<body>
"""


def _edition(ctx: Context, date: str) -> str:
    w, e = ctx.words, htmlmod.escape
    revision = ctx.revision if ctx.revision != "unversioned" else w["unversioned"]
    return (f'<dl class="edition">'
            f'<dt>{e(w["language"])}</dt><dd>{e(ctx.language_name)}</dd>'
            f'<dt>{e(w["edition"])}</dt><dd>{e(date)}</dd>'
            f'<dt>{e(w["revision"])}</dt><dd>{e(revision)}</dd></dl>')


def _cover(ctx: Context, kicker: str, title_html: str, description: str, qr_url: str, qr_caption: str, date: str,
           running: str) -> str:
    e = htmlmod.escape
    return f"""<section class="cover" data-running="{e(running)}">
<p class="kicker">{e(kicker)}</p>
<h1 class="title">{title_html}</h1>
<p class="description">{e(description)}</p>
<div class="cover-foot">
<figure class="qr-block">{qr_img(qr_url, ctx.words)}<figcaption>{e(qr_caption)}<br><span class="url">{e(qr_url)}</span></figcaption></figure>
{_edition(ctx, date)}
</div>
</section>
"""


def _toc(ctx: Context, entries: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """entries: (id, text, [(id, text) of sub-entries])."""
    e = htmlmod.escape
    items = []
    for ident, text, subs in entries:
        sub = ""
        if subs:
            sub = "<ol>" + "".join(f'<li><a href="#{e(i)}">{e(t)}</a></li>' for i, t in subs) + "</ol>"
        items.append(f'<li><a href="#{e(ident)}">{e(text)}</a>{sub}</li>')
    return (f'<nav class="toc" aria-labelledby="toc-title"><h2 class="toc-title" id="toc-title">{e(ctx.words["contents"])}</h2>'
            f'<ol>{"".join(items)}</ol></nav>\n')


def _back(ctx: Context, url: str) -> str:
    w, e = ctx.words, htmlmod.escape
    rows = "".join('<tr><td></td><td></td></tr>' for _ in range(5))
    return f"""<section class="back">
<h2 class="back-title">{e(w["about_booklet"])}</h2>
<p class="independence">{e(w["independence"])}</p>
<p class="licence">{e(w["licence"])}</p>
<p class="source">{e(w["source"])}: <span class="url">{e(url)}</span></p>
<div class="fill-in">
<h3>{e(w["local_contacts"])}</h3>
<table class="write-in"><thead><tr><th scope="col">{e(w["contact_who"])}</th><th scope="col">{e(w["contact_number"])}</th></tr></thead>
<tbody>{rows}</tbody></table>
</div>
</section>
"""


def booklet_document(frag: Fragment, ctx: Context, date: str) -> str:
    src, w = frag.source, ctx.words
    plain_title = TAG.sub("", frag.short_title)
    running = w["booklet_running"].format(n=src.number, title=htmlmod.unescape(plain_title))
    title = w["booklet_pdf_title"].format(n=src.number, title=src.title)
    keywords = ", ".join([w["pocket_booklet"], f"{w['module']} {src.number}", ctx.site_name])
    description = str(src.page.meta.get("description", ""))
    return (_head(ctx, title, description, date, keywords)
            + _cover(ctx, w["booklet_kicker"].format(n=src.number), frag.short_title, description,
                     src.module_url, w["qr_caption"], date, running)
            + _toc(ctx, [(i, t, []) for i, t in frag.sections])
            + f'<article class="booklet" data-source="{htmlmod.escape(src.rel)}" data-running="{htmlmod.escape(running)}">\n'
            + frag.body + "\n</article>\n"
            + _back(ctx, src.module_url)
            + "</body>\n</html>\n")


def guide_document(frags: list[Fragment], ctx: Context, date: str, index_url: str) -> str:
    w, e = ctx.words, htmlmod.escape
    numbers = [f.source.number for f in frags]
    kicker = w["guide_kicker"].format(first=min(numbers), last=max(numbers))
    keywords = ", ".join([w["pocket_booklet"], w["guide_title"], ctx.site_name])
    chapters, toc = [], []
    for f in frags:
        ident = f"b{f.source.number:02d}"
        plain = htmlmod.unescape(TAG.sub("", f.short_title))
        running = w["booklet_running"].format(n=f.source.number, title=plain)
        heading = f'{e(w["module"])} {f.source.number}. {f.short_title}'
        toc.append((ident, f'{w["module"]} {f.source.number}. {plain}', f.sections))
        chapters.append(f'<article class="booklet chapter" data-source="{e(f.source.rel)}" data-running="{e(running)}">\n'
                        f'<h2 class="chapter-title" id="{ident}">{heading}</h2>\n'
                        + shift_headings(f.body, 1) + "\n</article>\n")
    return (_head(ctx, w["guide_title"], w["guide_description"], date, keywords)
            + _cover(ctx, kicker, e(w["guide_title"]), w["guide_description"], index_url, w["qr_caption_guide"], date, w["guide_running"])
            + _toc(ctx, toc)
            + "".join(chapters)
            + _back(ctx, index_url)
            + "</body>\n</html>\n")


def _sheet_svg(words: dict) -> str:
    """Front and back of one sheet of an 8-page booklet: where each page goes."""
    w, h, gap = 84, 118, 14
    parts = []
    for side, (x0, pages) in enumerate(((2, (8, 1, 6, 3)), (2 + w + gap, (2, 7, 4, 5)))):
        parts.append(f'<rect x="{x0}" y="2" width="{w}" height="{h}" fill="#fff" stroke="#000" stroke-width="1.2"/>')
        for i, n in enumerate(pages):
            cx = x0 + (w / 4) * (1 + 2 * (i % 2))
            cy = 2 + (h / 4) * (1 + 2 * (i // 2))
            parts.append(f'<text x="{cx}" y="{cy + 6}" font-size="17" font-weight="700" text-anchor="middle">{n}</text>')
        parts.append(f'<line x1="{x0 - 2}" y1="{2 + h / 2}" x2="{x0 + w + 2}" y2="{2 + h / 2}" stroke="#000" stroke-width="1" stroke-dasharray="4 3"/>')
        parts.append(f'<line x1="{x0 + w / 2}" y1="2" x2="{x0 + w / 2}" y2="{2 + h}" stroke="#000" stroke-width="0.8" stroke-dasharray="1 2.5"/>')
        label = words["print_guide_front"] if side == 0 else words["print_guide_back"]
        parts.append(f'<text x="{x0 + w / 2}" y="{h + 17}" font-size="9" text-anchor="middle">{htmlmod.escape(label)}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {2 * w + gap + 4} {h + 22}" '
           f'font-family="Atkinson Hyperlegible, sans-serif">{"".join(parts)}</svg>')
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def printing_guide_document(ctx: Context, date: str, index_url: str) -> str:
    """One A4 page: how to print the imposed versions duplex, cut, fold and staple."""
    w, e = ctx.words, htmlmod.escape
    steps = "".join(f"<li>{_inline(s, ctx)}</li>" for s in w["print_guide_steps"])
    page_ctx = Context(**{**ctx.__dict__, "css_size": "A4"})
    return (_head(page_ctx, w["print_guide_title"], w["print_guide_lead"], date, f'{w["print_guide"]}, {w["pocket_booklet"]}')
            .replace("<body>", '<body class="print-guide">')
            + f"""<main class="print-guide">
<h1>{e(w["print_guide_title"])}</h1>
<p class="lead">{e(w["print_guide_lead"])}</p>
<figure class="sheet-figure"><img src="{_sheet_svg(w)}" alt="{e(w["print_guide_figure"])}"><figcaption>{e(w["print_guide_figure"])}</figcaption></figure>
<ol class="steps">{steps}</ol>
<p class="note">{e(w["print_guide_note"])}</p>
<p class="note">{e(w["source"])}: <span class="url">{e(index_url)}</span> · {e(w["edition"])} {e(date)} · {e(w["revision"])} {e(ctx.revision if ctx.revision != "unversioned" else w["unversioned"])}</p>
</main>
</body>
</html>
""")


def _inline(text: str, ctx: Context) -> str:
    out = render_markdown(text, ctx).strip()
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") else out
