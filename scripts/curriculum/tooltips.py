"""Glossary tooltips: the first occurrence of each glossary term on a module or guide page
becomes `<abbr title="definition" tabindex="0">`, which Material's `content.tooltips` shows on
hover and on keyboard focus.

Done on the rendered HTML rather than with `*[form]: …` abbreviation lines, so that a term is
never marked inside a heading (nor the table of contents), a link, code, a button or a summary,
and so that a term split across two source lines is still found. Only the first occurrence per
page is marked: a term such as "UNTOC" occurs dozens of times in one module, and one tooltip per
term and page is what a reader needs. Forms are matched case-sensitively, longest first.
Under `mkdocs serve` a page whose HTML is unchanged since the last rebuild gets the same result
without the matching again (remembered per version of the glossary)."""
from __future__ import annotations

import hashlib
import html
import re

from .glossary import entries

# Elements whose text never gets a tooltip.
SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "script",
        "style", "button", "summary", "svg", "textarea", "select", "label", "title"}
TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
OPEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")

_compiled: dict[str, tuple[int, re.Pattern, dict]] = {}
_annotated: dict[tuple[str, str], tuple[object, str]] = {}  # (locale, HTML digest) -> (glossary, result)


def _matcher(locale: str) -> tuple[re.Pattern, dict]:
    """One pattern of every form of `locale` (longest first) and form -> (id, definition)."""
    terms = entries()
    key = id(terms)
    hit = _compiled.get(locale)
    if hit is None or hit[0] != key:
        by_form = {}
        for entry in terms:
            own = entry.get(locale)
            if not own:
                continue
            for form in own.get("forms", []):
                by_form[_normal(form)] = (entry["id"], own["definition"].strip())
        forms = sorted(by_form, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(html.escape(word, quote=False)) for word in form.split(" ")) for form in forms)
        hit = _compiled[locale] = (key, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), by_form)
    return hit[1], hit[2]


def _normal(text: str) -> str:
    return " ".join(html.unescape(text).split())


def annotate(page_html: str, locale: str) -> str:
    """`page_html` with the first occurrence of each glossary term of `locale` marked."""
    terms = entries()
    key = (locale, hashlib.sha1(page_html.encode("utf-8")).hexdigest())
    hit = _annotated.get(key)
    if hit is not None and hit[0] is terms:
        return hit[1]
    if len(_annotated) > 1000:  # a long serve session: start again rather than grow
        _annotated.clear()
    result = _annotate(page_html, locale)
    _annotated[key] = (terms, result)
    return result


def _annotate(page_html: str, locale: str) -> str:
    pattern, by_form = _matcher(locale)
    done: set[str] = set()

    def mark(m: re.Match) -> str:
        found = by_form.get(_normal(m.group(0)))
        if found is None or found[0] in done:
            return m.group(0)
        done.add(found[0])
        return f'<abbr title="{html.escape(found[1], quote=True)}" tabindex="0">{m.group(0)}</abbr>'

    out, inside = [], []
    for part in TAG.split(page_html):
        if part.startswith("<"):
            tag = OPEN.match(part)
            if tag and tag.group(2).lower() in SKIP:
                name = tag.group(2).lower()
                if tag.group(1):
                    if name in inside:
                        del inside[len(inside) - 1 - inside[::-1].index(name)]
                elif not part.endswith("/>"):
                    inside.append(name)
            out.append(part)
        elif inside or not part.strip():
            out.append(part)
        else:
            out.append(pattern.sub(mark, part))
    return "".join(out)


def applies_to(rel: str) -> bool:
    """Modules and guides (paths relative to docs/<lang>/) get tooltips; their indexes do not."""
    return rel.startswith(("modules/", "guides/")) and not rel.endswith("index.md")


HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')


def quiet_headerlinks(page_html: str) -> str:
    """Each heading's permalink (toc's `permalink_title`) named by aria-label instead of title.

    With `content.tooltips`, Material builds a tooltip, with its observers, for every element of
    the page that has a title; a long module page has one permalink per heading (57 on module 5),
    and building their tooltips was about a fifth of Material's work when the page loads (issue 18).
    The link keeps its name for assistive technology; a mouse pointer no longer shows it."""
    return HEADERLINK.sub(r'\1 aria-label="\2"', page_html)
