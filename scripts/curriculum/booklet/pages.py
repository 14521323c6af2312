"""What the site's pages show of the booklets: the booklets index table and a download box
on each module page and booklet page. Links to the PDFs are raw HTML with hrefs relative to the
page's address: MkDocs does not validate them (the PDFs are not MkDocs files) and they work
under any site_url and on a local copy."""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from ..source import parse_text
from .options import BookletOptions
from .pipeline import Build, Entry


def _href(page_url: str, target: str) -> str:
    """A link from the page at page_url (site-relative, as MkDocs names it: 'en/modules/01-x/'
    or 'modules/01-x.html') to target (site-relative too)."""
    base = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.relpath(target, base) if base else target


def _size(size: int, words: dict) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f}".replace(".", words["decimal"]) + " MB"


def _pdf_facts(e: Entry, options: BookletOptions, words: dict) -> str:
    nbsp = "\u00a0"  # keep numbers with their units
    return f"{words['pdf']}, {options.label}, {e.pages}{nbsp}{words['pages']}, {_size(e.size, words).replace(' ', nbsp)}"


def _print_links(build: Build, e: Entry, page_url: str, words: dict) -> str:
    """'A4 · Letter': links to the imposed versions of one booklet, empty if there are none."""
    names = {"a4": words["sheet_a4"], "letter": words["sheet_letter"]}
    return " · ".join(f'<a href="{_href(page_url, e.url(s))}">{names[s]}</a>' for s in build.options.sheet_names)


def index_table(build: Build | None, locale: str, page_url: str, page_dir: Path) -> str | None:
    """The booklets index: each booklet with its PDF, pages, size, date and print versions."""
    if build is None:
        return None
    words = build.words[locale]
    entries = build.of(locale)
    booklets = [e for e in entries if e.kind == "booklet"]
    if not booklets:
        return f"*{words['none_yet']}*"

    def row(first: str, title: str, e: Entry) -> str:
        pdf = f'<a href="{_href(page_url, e.url())}">{_pdf_facts(e, build.options, words)}</a>'
        return f"| {first} | {title} | {pdf} | {_print_links(build, e, page_url, words) or '—'} | {e.date} |"

    rows = [f"| {words['module']} | {words['booklet']} | {words['pdf']} | {words['print_versions']} | {words['date']} |",
            "|---|---|---|---|---|"]
    for e in booklets:
        link = os.path.relpath(e.source, page_dir).replace(os.sep, "/")
        rows.append(row(str(e.number), f"[{e.title}]({link})", e))
    for e in build.of(locale, "guide"):
        rows.append(row(_numbers(e.numbers), f"**{words['complete_guide']}**", e))
    out = "\n".join(rows)
    for e in build.of(locale, "printing-guide"):
        out += (f"\n\n{words['print_guide_intro']} "
                f'<a href="{_href(page_url, e.url())}">{words["print_guide"]} ({words["pdf"]}, A4, {words["one_page"]})</a>.')
    return out


def _numbers(numbers: list[int]) -> str:
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    return ", ".join(map(str, numbers))


def download_admonition(build: Build, entry: Entry, page_url: str) -> str:
    """A Material admonition linking to the booklet of this module."""
    words = build.words[entry.locale]
    text = words["download_booklet"].format(n=entry.number)
    prints = _print_links(build, entry, page_url, words)
    guide = next((e.url() for e in build.of(entry.locale, "printing-guide")), "")
    return (f'!!! info "{words["pocket_booklet"]}"\n\n'
            f'    <a href="{_href(page_url, entry.url())}">{text}</a> ({_pdf_facts(entry, build.options, words)}).'
            + (f" {words['print_versions']}: {prints} (<a href=\"{_href(page_url, guide)}\">{words['print_guide'].lower()}</a>)." if prints else "")
            + "\n")


def with_download(markdown: str, abs_src_path: str, page_url: str, build: Build | None) -> str:
    """Module page: the box goes at the end of #at-a-glance. Booklet page: under its title."""
    entry = build.for_page(abs_src_path) if build else None
    if entry is None:
        return markdown
    src = Path(abs_src_path).resolve()
    box = download_admonition(build, entry, page_url)
    return insert(markdown, box, "at-a-glance" if src == entry.module else None)


def insert(markdown: str, block: str, section_id: str | None) -> str:
    """Put block at the end of the section with this heading id, or under the page's title."""
    page = parse_text(markdown, front_matter=False)
    span = page.section(section_id) if section_id else None
    if span:
        at = span[1] - 1  # the line of the next heading of the same or a higher level
    else:
        first = next((h.line for h in page.headings if h.level == 1), 0)
        at = first  # just below the title (lines are numbered from 1)
    lines = page.lines
    return "\n".join(lines[:at] + ["", block.rstrip("\n"), ""] + lines[at:])
