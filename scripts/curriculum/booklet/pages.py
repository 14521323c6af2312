"""What the site's pages show of the booklets: the index table and the download boxes.

The booklets index lists every PDF (modules' booklets, protocols' booklets, posters); each module page,
protocol page and booklet page gets a download box. Links to the PDFs are Markdown links to their files (see
pipeline.files), relative to the page's source file, so MkDocs validates and rewrites them."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from ..indexes import labels
from ..source import parse_text
from .pipeline import Build, Entry


def _size(size: int, words: dict) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f}".replace(".", words["decimal"]) + " MB"


def _pdf_facts(build: Build, e: Entry, words: dict) -> str:
    nbsp = "\u00a0"  # keep numbers with their units
    return f"{words['pdf']}, {build.options.label}, {e.pages}{nbsp}{words['pages']}, {_size(e.size, words).replace(' ', nbsp)}"


def _print_links(build: Build, e: Entry, page_src: str, words: dict) -> str:
    """'A4 · Letter': links to the imposed versions of one booklet, empty if there are none."""
    names = {"a4": words["sheet_a4"], "letter": words["sheet_letter"]}
    return " · ".join(f"[{names[s]}]({get_relative_url(e.src_uri(s), page_src)})" for s in build.options.sheet_names)


def index_table(build: Build | None, locale: str, page_src: str) -> str | None:
    """The booklets index: each booklet with its PDF, pages, size, date and print versions.
    page_src: the index page's src_uri (es/booklets/index.md)."""
    if build is None:
        return None
    words = build.words[locale]
    booklets = build.of(locale, "booklet")
    if not booklets:
        return f"*{words['none_yet']}*"

    def row(first: str, title: str, e: Entry) -> str:
        pdf = f"[{_pdf_facts(build, e, words)}]({get_relative_url(e.src_uri(), page_src)})"
        return f"| {first} | {title} | {pdf} | {_print_links(build, e, page_src, words) or '—'} | {e.date} |"

    rows = [f"| {words['module']} | {words['booklet']} | {words['pdf']} | {words['print_versions']} | {words['date']} |",
            "|---|---|---|---|---|"]
    for e in booklets:
        source = f"{locale}/{e.source.relative_to(e.source.parents[1]).as_posix()}"
        rows.append(row(str(e.number), f"[{e.title.replace('|', chr(92) + '|')}]({get_relative_url(source, page_src)})", e))
    for e in build.of(locale, "guide"):
        rows.append(row(_numbers(e.numbers), f"**{words['complete_guide']}**", e))
    out = "\n".join(rows)
    for e in build.of(locale, "printing-guide"):
        out += (f"\n\n{words['print_guide_intro']} "
                f"[{words['print_guide']} ({words['pdf']}, A4, {words['one_page']})]({get_relative_url(e.src_uri(), page_src)}).")
    return out


def protocol_table(build: Build | None, locale: str, page_src: str) -> str:
    """The protocols' booklets, on the booklets index (`<!-- curriculum:list protocols -->`)."""
    words = build.words[locale] if build else labels()[locale]
    protocols = build.of(locale, "protocol") if build else []
    if not protocols:
        return f"*{words['none_yet']}*"
    rows = [f"| {words['protocol_booklet']} | {words['pdf']} | {words['print_versions']} | {words['date']} |", "|---|---|---|---|"]
    for e in protocols:
        source = f"{locale}/{e.source.relative_to(e.source.parents[1]).as_posix()}"
        title = f"[{e.title.replace('|', chr(92) + '|')}]({get_relative_url(source, page_src)})"
        pdf = f"[{_pdf_facts(build, e, words)}]({get_relative_url(e.src_uri(), page_src)})"
        rows.append(f"| {title} | {pdf} | {_print_links(build, e, page_src, words) or '—'} | {e.date} |")
    return "\n".join(rows)


def poster_table(build: Build | None, locale: str, page_src: str) -> str:
    """The posters, one row each with its Letter and A4 PDFs (`<!-- curriculum:list posters -->`)."""
    words = build.words[locale] if build else labels()[locale]
    posters = build.of(locale, "poster") if build else []
    if not posters:
        return f"*{words['none_yet']}*"
    nbsp = "\u00a0"
    names = {"a4": words["sheet_a4"], "letter": words["sheet_letter"]}
    papers = list(dict.fromkeys(e.paper for e in posters))
    rows = [f"| {words['poster']} | {words['poster_design']} | " + " | ".join(names[p] for p in papers) + f" | {words['date']} |",
            "|---|---|" + "---|" * len(papers) + "---|"]
    for group in dict.fromkeys(e.group for e in posters):
        mine = {e.paper: e for e in posters if e.group == group}
        first = next(iter(mine.values()))
        cells = [f"[{words['pdf']}, {names[p]}, {words['one_page'] if mine[p].pages == 1 else f'{mine[p].pages}{nbsp}' + words['pages']}, "
                 f"{_size(mine[p].size, words).replace(' ', nbsp)}]({get_relative_url(mine[p].src_uri(), page_src)})" for p in papers]
        rows.append(f"| {first.title.replace('|', chr(92) + '|')} | {words['poster_design_' + first.design]} | " + " | ".join(cells) + f" | {first.date} |")
    return "\n".join(rows)


def _numbers(numbers: list[int]) -> str:
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    return ", ".join(map(str, numbers))


def download_admonition(build: Build, entry: Entry, page_src: str) -> str:
    """A Material admonition linking to the booklet of this module or protocol."""
    words = build.words[entry.locale]
    text = words["download_protocol_booklet"] if entry.kind == "protocol" else words["download_booklet"].format(n=entry.number)
    prints = _print_links(build, entry, page_src, words)
    guide = next((e.src_uri() for e in build.of(entry.locale, "printing-guide")), None)
    line = f"[{text}]({get_relative_url(entry.src_uri(), page_src)}) ({_pdf_facts(build, entry, words)})."
    if prints:
        line += f" {words['print_versions']}: {prints}"
        line += f" ([{words['print_guide'].lower()}]({get_relative_url(guide, page_src)}))." if guide else "."
    return f'!!! info "{words["pocket_booklet"]}"\n\n    {line}\n'


def with_download(markdown: str, abs_src_path: str, page_src: str, build: Build | None) -> str:
    """Module page: the box goes at the end of #at-a-glance. Protocol page and booklet page: under its title."""
    entry = build.for_page(abs_src_path) if build else None
    if entry is None:
        return markdown
    box = download_admonition(build, entry, page_src)
    module_page = entry.kind == "booklet" and Path(abs_src_path).resolve() == entry.parent
    return insert(markdown, box, "at-a-glance" if module_page else None)


def insert(markdown: str, block: str, section_id: str | None) -> str:
    """Put block at the end of the section with this heading id, or under the page's title."""
    page = parse_text(markdown, front_matter=False)
    span = page.section(section_id) if section_id else None
    if span:
        at = span[1] - 1  # the line of the next heading of the same or a higher level
    else:
        at = next((h.line for h in page.headings if h.level == 1), 0)  # just below the title
    lines = page.lines
    return "\n".join(lines[:at] + ["", block.rstrip("\n"), ""] + lines[at:])
