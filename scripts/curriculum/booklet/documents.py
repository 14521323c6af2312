"""Print documents from templates/ (Jinja2): a booklet, the complete guide, the printing guide, a poster."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import segno
from markupsafe import Markup

from .paper import Fragment, Site, inline

TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class Context:
    """What every document of one language shares."""
    locale: str
    language_name: str
    words: dict
    site_name: str
    revision: str | None  # None when the sources are not in git
    css_size: str
    site: Site


@lru_cache(maxsize=1024)  # the same addresses on every rebuild under serve
def qr_uri(url: str) -> str:
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=1, border=0, dark="#000", light="#fff", omitsize=True)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["qr"] = qr_uri
    return env


def _render(template: str, ctx: Context, **values) -> str:
    values.setdefault("page_size", ctx.css_size)
    return environment().get_template(template).render(ctx=ctx, w=ctx.words, **values)


def booklet_document(frag: Fragment, ctx: Context, date: str) -> str:
    """A module's booklet, or a protocol's (its own labels: kicker, running header, QR caption)."""
    src, w = frag.source, ctx.words
    if src.kind == "protocol":
        words = {"kicker": w["protocol_kicker"], "title": w["protocol_pdf_title"].format(title=src.title),
                 "keyword": w["protocol"], "running": w["protocol_running"].format(title=frag.plain_title),
                 "qr_caption": w["qr_caption_protocol"]}
    else:
        words = {"kicker": w["booklet_kicker"].format(n=src.number), "title": w["booklet_pdf_title"].format(n=src.number, title=src.title),
                 "keyword": f"{w['module']} {src.number}", "running": w["booklet_running"].format(n=src.number, title=frag.plain_title),
                 "qr_caption": w["qr_caption"]}
    return _render("booklet.html", ctx, src=src, frag=_safe(frag), date=date, kicker=words["kicker"], qr_caption=words["qr_caption"],
                   title=words["title"], description=str(src.page.meta.get("description", "")),
                   keywords=", ".join([w["pocket_booklet"], words["keyword"], ctx.site_name]),
                   running=words["running"], toc=[(i, Markup(t), []) for i, t in frag.sections])


def guide_document(frags: list[Fragment], ctx: Context, date: str, index_url: str) -> str:
    w = ctx.words
    numbers = [f.source.number for f in frags]
    chapters = [{"frag": _safe(f), "id": f"b{f.source.number:02d}",
                 "running": w["booklet_running"].format(n=f.source.number, title=f.plain_title)} for f in frags]
    toc = [(c["id"], f'{w["module"]} {c["frag"].source.number}. {f.plain_title}', [(i, Markup(t)) for i, t in f.sections])
           for c, f in zip(chapters, frags)]
    return _render("guide.html", ctx, chapters=chapters, toc=toc, date=date, index_url=index_url,
                   title=w["guide_title"], description=w["guide_description"],
                   kicker=w["guide_kicker"].format(first=min(numbers), last=max(numbers)),
                   keywords=", ".join([w["pocket_booklet"], w["guide_title"], ctx.site_name]))


def printing_guide_document(ctx: Context, date: str, index_url: str) -> str:
    w = ctx.words
    svg = environment().get_template("sheet.svg").render(front=w["print_guide_front"], back=w["print_guide_back"])
    return _render("printing-guide.html", ctx, page_size="A4", date=date, index_url=index_url,
                   title=w["print_guide_title"], description=w["print_guide_lead"],
                   keywords=f'{w["print_guide"]}, {w["pocket_booklet"]}',
                   steps=[Markup(inline(s, ctx.site)) for s in w["print_guide_steps"]],
                   sheet_figure="data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"))


PAPER_CSS = {"letter": "Letter", "a4": "A4"}


def poster_document(fields: dict, ctx: Context, date: str, paper: str, home_url: str) -> str:
    """One poster (posters/<lang>/<id>.yml, validated by curriculum.posters) on one paper."""
    return _render("poster.html", ctx, page_size=PAPER_CSS[paper], paper=paper, p=fields, date=date, home_url=home_url,
                   title=fields["title"], description=fields["alt_summary"],
                   keywords=", ".join([ctx.words["poster"], fields["id"], ctx.site_name]))


def kit_document(template: str, ctx: Context, page_size: str, **values) -> str:
    """A pre- or post-test form or an answer key (curriculum/kit/prepost.py) on one paper."""
    return _render(template, ctx, page_size=page_size, **values)


def _safe(frag: Fragment) -> Fragment:
    """The fragment with its HTML marked as such for the templates."""
    return Fragment(frag.source, Markup(frag.short_title), frag.plain_title, Markup(frag.body), frag.sections)
