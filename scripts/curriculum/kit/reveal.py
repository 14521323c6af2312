"""A Deck (slide_model.py) -> a standalone HTML presentation with reveal.js.

One HTML file per module and language, <lang>/kit/present/NN-slug.html, from the same slide model
as the PowerPoint deck: each slide a <section>, its speaker notes an <aside class="notes"> that
reveal.js's notes plugin shows in the speaker view (S). reveal.js is vendored in
overrides/assets/vendor/reveal.js/ (VERSION.txt says which and from where); every path is relative,
so the presentation works from the site and from an offline copy opened with file://, and nothing
is loaded from another host. Our look is overrides/assets/stylesheets/slides.css, with the site's
fonts.css.
"""
from __future__ import annotations

import html
import json
import posixpath

from .slide_model import Deck, Slide

REVEAL_VERSION = "6.0.2"
ASSETS = "assets"  # the theme's assets folder at the site root
SCRIPTS = ("vendor/reveal.js/reveal.js", "vendor/reveal.js/plugin/notes.js")
STYLES = ("vendor/reveal.js/reset.css", "vendor/reveal.js/reveal.css", "stylesheets/fonts.css", "stylesheets/slides.css")
OPTIONS = {"hash": True, "controls": True, "progress": True, "slideNumber": "c/t", "center": False,
           "width": 1280, "height": 720, "margin": 0, "transition": "none", "showNotes": False}
LANG = {"es": "es", "en": "en"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _points(slide: Slide) -> str:
    out, open_sub = ["<ul>"], False
    for n, p in enumerate(slide.points):
        if p.level and not open_sub:
            out[-1] = out[-1].removesuffix("</li>")
            out.append("<ul>")
            open_sub = True
        elif not p.level and open_sub:
            out.append("</ul></li>")
            open_sub = False
        out.append(f"<li>{_e(p.text)}</li>")
    if open_sub:
        out.append("</ul></li>")
    out.append("</ul>")
    return "".join(out)


def _notes(text: str) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + "<br>".join(_e(line) for line in p.split("\n")) + "</p>" for p in paras)


def _section(deck: Deck, s: Slide, back: str) -> str:
    words = deck.words
    module = f"{words['module']} {deck.module}"
    notes = f'<aside class="notes">{_notes(s.notes)}</aside>'
    if s.kind == "title":
        meta = words["title_meta"].format(minutes=deck.minutes, segments=sum(1 for x in deck.slides if x.number))
        desc = "".join(f"<p>{_e(p.text)}</p>" for p in s.points)
        return (f'<section class="slide-title" data-kind="title"><p class="kicker">{_e(module)}</p><h1>{_e(s.title)}</h1>'
                f'<div class="rule"></div>{desc}<p class="meta">{_e(meta)} · <a href="{_e(back)}">{_e(deck.title)}</a></p>{notes}</section>')
    kicker = f"{words['segment']} {s.number}" if s.number else module
    footer = " · ".join(x for x in (module, f"{s.minutes} {words['minutes']}", s.method) if x.strip("—-– ")) if s.number else f"{module} · {deck.title}"
    body = (f'<p class="break-minutes">{_e(s.points[0].text)}</p>' if s.kind == "break" else _points(s))
    dense = " dense" if sum(len(p.text) for p in s.points) > 650 else ""
    return (f'<section class="slide-{s.kind}" data-kind="{s.kind}"{f" data-segment={chr(34)}{s.number}{chr(34)}" if s.number else ""}>'
            f'<header><p class="kicker">{_e(kicker)}</p><h2>{_e(s.title)}</h2></header>'
            f'<div class="body{dense}">{body}</div><footer>{_e(footer)}</footer>{notes}</section>')


def document(deck: Deck, dest_uri: str, module_url: str) -> str:
    """The presentation's HTML. dest_uri: where it is written in the site (en/kit/present/04-x.html);
    module_url: the module page's site-relative address (en/modules/04-x/), linked from the title slide."""
    here = posixpath.dirname(dest_uri) or "."

    def rel(target: str) -> str:
        return posixpath.relpath(target, here)
    words = deck.words
    head = [f'<link rel="stylesheet" href="{rel(ASSETS + "/" + s)}">' for s in STYLES]
    scripts = [f'<script src="{rel(ASSETS + "/" + s)}"></script>' for s in SCRIPTS]
    back = rel(module_url.rstrip("/")) + ("/" if module_url.endswith("/") else "")
    sections = "\n".join(_section(deck, s, back) for s in deck.slides)
    title = f"{words['module']} {deck.module}. {deck.title} · {words['slides']}"
    options = json.dumps({**OPTIONS, "plugins": "__PLUGINS__"}).replace('"__PLUGINS__"', "[RevealNotes]")
    return f"""<!doctype html>
<html lang="{LANG.get(deck.locale, deck.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="curriculum kit, reveal.js {REVEAL_VERSION}">
<title>{_e(title)}</title>
{chr(10).join(head)}
</head>
<body>
<div class="reveal"><div class="slides">
{sections}
</div></div>
{chr(10).join(scripts)}
<script>Reveal.initialize({options});</script>
</body>
</html>
"""
