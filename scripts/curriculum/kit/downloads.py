"""The kit's downloads of one language as MkDocs files, and the table of the kit's tests page.

Per module: the Moodle XML and GIFT question banks (made here, in memory: they take milliseconds)
and the pre- and post-test PDFs (forms A and B with their answer sheets, and the key, on Letter
and A4; rendered by the booklet pipeline, curriculum/booklet/pipeline.py); per language the
results template (.xlsx). `<!-- curriculum:list tests -->` in docs/<lang>/kit/tests.md becomes
the table, with each file's size.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import gift, moodle, questions, results

RESULTS = "kit/results-template.xlsx"


@dataclass
class Made:
    """What one language's build registered: site path inside the language -> bytes."""
    content: dict[str, bytes] = field(default_factory=dict)
    modules: list[int] = field(default_factory=list)


_made: dict[str, Made] = {}


def moodle_path(n: int) -> str:
    return f"kit/moodle/module-{n:02d}.xml"


def gift_path(n: int) -> str:
    return f"kit/gift/module-{n:02d}-gift.txt"


# The last downloads made per language, with the banks and words they were made from: a bank
# object stays the same while its file is unchanged (questions.read), so `mkdocs serve` exports
# again only after a bank or the words changed.
_last: dict[str, tuple[list, str, Made]] = {}


def make(root: Path, locale: str, numbers: list[int], words: dict) -> Made:
    banks = [b for n in sorted(numbers) if (b := questions.load(root, locale, n)) is not None]
    said = json.dumps(words, sort_keys=True, ensure_ascii=False, default=str)
    last = _last.get(locale)
    if last is not None and said == last[1] and len(banks) == len(last[0]) and all(a is b for a, b in zip(banks, last[0])):
        return last[2]
    made = Made()
    for bank in banks:
        made.modules.append(bank.module)
        made.content[moodle_path(bank.module)] = moodle.export(bank, words).encode("utf-8")
        made.content[gift_path(bank.module)] = gift.export(bank, words).encode("utf-8")
    if banks:
        made.content[RESULTS] = results.workbook(banks, words)
    _last[locale] = (banks, said, made)
    return made


def files(config, root: Path, locale: str, prefix: str, numbers: list[int], words: dict) -> list[File]:
    made = _made[locale] = make(root, locale, numbers, words)
    out = []
    for path, content in made.content.items():
        f = File.generated(config, f"{locale}/{path}", content=content)
        f.dest_uri = prefix + path
        out.append(f)
    return out


def size(n: int, words: dict) -> str:
    nbsp = "\u00a0"
    if n < 1_000_000:
        return f"{max(1, round(n / 1000))}{nbsp}KB"
    return f"{n / 1_000_000:.1f}".replace(".", words["decimal"]) + f"{nbsp}MB"


def table(build, locale: str, page_src: str, words: dict) -> str:
    """Per module: forms A and B and the key on each paper, the Moodle XML and the GIFT file, with
    sizes; then the results template. build: the booklet Build (its PDFs), or None."""
    made = _made.get(locale) or Made()
    if not made.modules:
        return f"*{words['none_yet']}*"

    def link(text: str, path: str, size_bytes: int) -> str:
        return f"[{text}, {size(size_bytes, words)}]({get_relative_url(f'{locale}/{path}', page_src)})"
    entries = {}
    for e in (build.of(locale, "tests") if build else []):
        entries[(e.number, e.paper)] = e
    names = {"a4": words["sheet_a4"], "letter": words["sheet_letter"]}
    head = [words["module"], words["kit_form"] + " A", words["kit_form"] + " B", words["kit_key"], "Moodle XML", "GIFT"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n in made.modules:
        cells = [str(n)]
        for part in ("form-a", "form-b", "key"):
            links = []
            for paper in ("letter", "a4"):
                e = entries.get((n, paper))
                if e is None:
                    continue
                pdf = build.cache.imposed(e.digest, part)
                pages = (e.part_pages or {}).get(part, 0)
                count = words["one_page"] if pages == 1 else f"{pages}\u00a0{words['pages']}"
                links.append(f"[{names[paper]}, {count}, {size(pdf.stat().st_size, words)}]"
                             f"({get_relative_url(e.src_uri(part), page_src)})")
            cells.append("<br>".join(links) or "—")
        cells.append(link("XML", moodle_path(n), len(made.content[moodle_path(n)])))
        cells.append(link("GIFT", gift_path(n), len(made.content[gift_path(n)])))
        rows.append("| " + " | ".join(cells) + " |")
    out = "\n".join(rows)
    if RESULTS in made.content:
        out += f"\n\n{words['kit_results_intro']} " + link(words["kit_results_file"] + " (.xlsx)", RESULTS, len(made.content[RESULTS])) + "."
    return out
