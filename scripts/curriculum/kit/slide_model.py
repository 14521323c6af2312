"""A module's slides, as plain data: the one model the PowerPoint deck and the HTML presentation share.

A deck is a title slide, one slide per row of the session plan (`## … { #session-plan }`: segment,
minutes, method, materials) and a key-messages slide. Each row is mapped to the sections of the
module it presents (the rules are in data/kit.yml, with the words that recognise a row in each
language); the slide shows the key points of those sections, an activity's instructions, and the
speaker notes: the segment's timing, method and materials, then the trainer-only blocks of those
sections. Heading ids are the same in both languages, so both decks present the same sections.

A row that maps to nothing raises KitError naming the file, the line and the row: a deck never
has an empty slide.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import data
from ..errors import SourceError, relative
from ..session_plan import minutes_column, plan_table
from ..source import Page, parse

MAX_POINTS = 6  # bullets on a slide (sub-points included)
POINT_CHARS = 150  # a bullet longer than this is cut at a word, with "…"


class KitError(Exception):
    def __init__(self, errors: list[SourceError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass
class Point:
    text: str
    level: int = 0  # 0 a bullet, 1 under the one before


@dataclass
class Slide:
    kind: str  # title, segment, break, key-messages
    title: str
    points: list[Point] = field(default_factory=list)
    notes: str = ""
    number: int | None = None  # the segment's number in the session plan (1-based)
    minutes: int | None = None
    method: str = ""
    materials: str = ""
    sections: list[str] = field(default_factory=list)  # heading ids presented
    subtitle: str = ""


@dataclass
class Deck:
    locale: str
    module: int
    slug: str  # file stem: 04-crime-scene-and-operations
    title: str
    description: str
    rel: str  # the module page, relative to the project
    minutes: int
    slides: list[Slide]
    words: dict
    path: Path | None = None  # the module page (absolute)


def spec() -> dict:
    return data.load("kit.yml")


# ---------------------------------------------------------------------------------------------
# Markdown of a section -> plain text blocks

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTR = re.compile(r"\s*\{[:#.][^}]*\}")
TAG = re.compile(r"<[^>]+>")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")


def plain(text: str) -> str:
    """Markdown inline -> plain text: links keep their text, emphasis and code marks go."""
    text = LINK.sub(r"\1", text)
    text = ATTR.sub("", text)
    text = TAG.sub("", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def shorten(text: str, limit: int = POINT_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def first_sentence(text: str) -> str:
    """The first sentence; with the next one when it is a short lead ("Securing. Mark …")."""
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    if not m:
        return text
    if len(m.group(1)) <= 25:
        rest = re.match(r"(.+?[.!?])(\s|$)", text[m.end():])
        return m.group(1) + " " + rest.group(1) if rest else text
    return m.group(1)


@dataclass
class Blocks:
    paragraphs: list[str] = field(default_factory=list)
    lists: list[list[str]] = field(default_factory=list)  # top-level items of each list
    tables: list[list[list[str]]] = field(default_factory=list)  # rows (header excluded)
    trainer: list[tuple[str, str]] = field(default_factory=list)  # (title, plain text) of trainer-only blocks
    order: list[tuple[str, int]] = field(default_factory=list)  # ("p"|"l"|"t", index) in source order


def blocks(page: Page, start: int, end: int) -> Blocks:
    """The body of lines start..end-1 (1-based, the heading line excluded) as plain blocks.
    Admonitions are skipped, except trainer-only blocks, which are kept apart for the notes."""
    out = Blocks()
    lines = page.lines[start:end - 1]
    i = 0
    para: list[str] = []

    def flush():
        if para:
            out.paragraphs.append(plain(" ".join(para)))
            out.order.append(("p", len(out.paragraphs) - 1))
            para.clear()
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if re.match(r"^(```|~~~)", stripped):
            flush()
            i += 1
            while i < len(lines) and not re.match(r"^(```|~~~)", lines[i].strip()):
                i += 1
            i += 1
            continue
        m = re.match(r"^(\s*)(!!!|\?\?\?\+?)\s*([\w-]+)(?:\s+\"(.*)\")?", line)
        if m:
            flush()
            indent = len(m.group(1))
            body = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                body.append(lines[i].strip())
                i += 1
            if m.group(3) == "trainer-only":
                text = "\n".join(_note_lines(body))
                out.trainer.append((m.group(4) or "", text))
            continue
        if stripped.startswith("#") or stripped.startswith("<"):
            flush()
            i += 1
            continue
        if "|" in stripped and i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            flush()
            rows = []
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append([plain(c) for c in lines[i].strip().strip("|").split("|")])
                i += 1
            out.tables.append(rows)
            out.order.append(("t", len(out.tables) - 1))
            continue
        item = LIST_ITEM.match(line)
        if item and not item.group(1):
            flush()
            items = []
            while i < len(lines):
                here = lines[i]
                item = LIST_ITEM.match(here)
                if item and not item.group(1):
                    items.append(item.group(2))
                elif here.strip() and here[:1] in (" ", "\t"):
                    if not item:  # a continuation line; nested items are left out
                        items[-1] += " " + here.strip()
                elif not here.strip() and i + 1 < len(lines) and (lines[i + 1][:1] in (" ", "\t") or (
                        (nxt := LIST_ITEM.match(lines[i + 1])) and not nxt.group(1))):
                    pass
                else:
                    break
                i += 1
            out.lists.append([plain(t) for t in items])
            out.order.append(("l", len(out.lists) - 1))
            continue
        if not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    return out


def _note_lines(body: list[str]) -> list[str]:
    """A trainer-only block's lines as plain text for the speaker notes, one item a line."""
    out: list[str] = []
    for line in body:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if re.match(r"^\|?\s*:?-{3,}", line):
            continue
        item = LIST_ITEM.match(line)
        if line.startswith("|"):
            out.append(" · ".join(c for c in (plain(c) for c in line.strip("|").split("|")) if c))
        elif item:
            marker = re.match(r"^\s*(\d+[.)]|[-*+])", line).group(1)
            out.append(f"{marker if marker[0].isdigit() else '•'} {plain(item.group(2))}")
        elif out and out[-1] and not out[-1].endswith(":"):
            out[-1] += " " + plain(line)
        else:
            out.append(plain(line))
    while out and not out[-1]:
        out.pop()
    return out


def _item_point(item: str) -> str:
    """'Safety: yours, …' stays; a long item keeps its first sentence."""
    return shorten(first_sentence(item))


def _table_point(row: list[str]) -> str:
    cells = [c for c in row if c]
    if not cells:
        return ""
    return shorten(cells[0] if len(cells) == 1 else f"{cells[0]}: {cells[1]}", 110)


def key_points(b: Blocks, limit: int) -> list[str]:
    """A content section's points: its lead sentence, then its first list or table."""
    points: list[str] = []
    if b.paragraphs:
        points.append(shorten(first_sentence(b.paragraphs[0])))
    for kind, index in b.order:
        if kind == "l":
            points += [_item_point(t) for t in b.lists[index]]
            break
        if kind == "t":
            points += [p for p in (_table_point(r) for r in b.tables[index]) if p]
            break
    if len(points) < 2:
        points += [shorten(first_sentence(p)) for p in b.paragraphs[1:]]
    return [p for p in points if p][:limit]


def activity_points(b: Blocks, limit: int) -> list[str]:
    """An activity's instructions: its format line, then its steps (the first list) or its task."""
    points: list[str] = []
    if b.paragraphs:
        points.append(shorten(b.paragraphs[0], 220))
    steps = next((b.lists[i] for k, i in b.order if k == "l"), None)
    if steps:
        points += [_item_point(t) for t in steps]
    else:
        points += [shorten(p, 180) for p in b.paragraphs[1:3]]
    return [p for p in points if p][:limit]


# ---------------------------------------------------------------------------------------------
# The mapping: session-plan rows -> sections

@dataclass
class Section:
    id: str
    title: str  # the heading, plain, without its id
    part: str  # content, activities, knowledge-check, key-messages, at-a-glance
    start: int
    end: int


@dataclass
class Row:
    number: int  # 1-based, in the table
    line: int
    segment: str
    minutes: int
    method: str
    materials: str


def sections(page: Page) -> dict[str, Section]:
    """The level-3 sections of #content and #activities (with their level-4 children), and the parts."""
    out: dict[str, Section] = {}
    for part in ("at-a-glance", "content", "activities", "knowledge-check", "key-messages", "trainer-notes"):
        span = page.section(part)
        if not span:
            continue
        h = next(h for h in page.headings if h.id == part)
        out[part] = Section(part, plain(h.text), part, span[0], span[1])
        for sub in page.headings:
            if sub.level == 3 and sub.id and span[0] < sub.line < span[1]:
                s, e = page.section(sub.id)
                out[sub.id] = Section(sub.id, plain(sub.text), part, s, e)
    return out


def rows(page: Page, rel: str) -> list[Row]:
    table = plan_table(page)
    if table is None:
        raise KitError([SourceError(rel, None, "module has no session-plan table: the slides are made from it (see CONTRIBUTING.md)")])
    col = minutes_column(table.header)
    out = []
    for n, cells in enumerate(table.rows, start=1):
        cells = cells + [""] * (4 - len(cells))
        minutes = re.sub(r"[*_\s]", "", cells[col] if col is not None else "")
        if re.search(r"total", " ".join(cells), re.I) and n == len(table.rows):
            continue
        if not minutes.isdigit():
            continue  # the session-plan check reports it
        others = [c for i, c in enumerate(cells) if i != col]
        out.append(Row(n, table.line + 1 + n, plain(others[0]), int(minutes), plain(others[1]), plain(others[2])))
    return out


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def tokens(text: str, stop: set[str]) -> set[str]:
    words = re.findall(r"[a-z0-9]+", _fold(text))
    return {(w[:-1] if w.endswith("s") else w)[:6] for w in words if len(w) >= 4 and w not in stop}


QUOTED = re.compile(r"[«\"“]([^»\"”]{3,})[»\"”]")


MATCH = 0.5  # a section joins a row when the words they share weigh at least this much (a word in n headings weighs 1/n)


def _explicit(page: Page, locale: str, secs: dict[str, Section]) -> list[tuple[Row, str, list[str]]]:
    """Each row with its kind and the sections its kind names (break, knowledge, evaluation,
    key_messages, opening, activity by number or quoted name; content: none yet)."""
    activities = [s for s in secs.values() if s.part == "activities" and s.id != "activities" and not s.id.startswith("materials")]
    mine = spec()["rows"].get(locale)
    every = ([mine] if mine else []) + [r for r in spec()["rows"].values() if r is not mine]

    def rx(name):
        """The page's language's pattern first, then the others' (a page may quote the other language)."""
        return re.compile("|".join(f"(?:{r[name]})" for r in every), re.I)
    out = []
    for row in rows(page, str(page.path)):
        seg = row.segment
        ids: list[str] = []
        if row.method.strip() in ("", "—", "-", "–") or rx("break").search(seg):
            kind = "break"
        elif rx("knowledge").search(seg):
            kind, ids = "knowledge", ["knowledge-check"]
        elif rx("evaluation").search(seg):
            kind, ids = "evaluation", [i for i in ("closing", "materials-evaluation-form") if i in secs] or ["key-messages"]
        elif rx("key_messages").search(seg):
            kind, ids = "key_messages", ["key-messages"]
        elif rx("opening").search(seg):
            kind, ids = "opening", ["opening" if "opening" in secs else "at-a-glance"]
        elif m := rx("activity").search(seg):
            kind = "activity"
            number = next(g for g in m.groups() if g)
            ids = [s.id for s in activities if (h := rx("activity_heading").match(s.title)) and next(g for g in h.groups() if g) == number]
        elif (q := QUOTED.search(seg)) and (hit := [s.id for s in activities if _fold(q.group(1)) in _fold(s.title)]):
            kind, ids = "activity", hit[:1]
        else:
            kind = "content"
        out.append((row, kind, [i for i in ids if i in secs]))
    return out


def _materials(sec: Section) -> bool:
    """A handout of #activities ('Materials: …'): presented only by a row that presents nothing else."""
    return sec.part == "activities" and (sec.id.startswith("materials") or _fold(sec.title).startswith("materia"))


def _candidates(secs: dict[str, Section]) -> list[Section]:
    """Sections a row may present by its words: the topics of #content and the level-3 sections of #activities."""
    return [s for s in secs.values() if s.id not in ("content", "opening", "closing", "activities")
            and s.part in ("content", "activities")]


def mappings(pages: list[tuple[Page, str, str]]) -> list[list[tuple[Row, str, list[str]]]]:
    """For each (page, rel, locale) of one module in every language: each session-plan row with its
    kind (break, knowledge, evaluation, key_messages, opening, activity, content) and the ids of the
    sections it presents. The languages' rows are parallel (the parity check sees to it), so the
    words of every language vote together and both decks present the same sections.
    Raises KitError, naming the file and the row, for a row that maps to nothing.
    The build's check and its decks ask for the same pages: the answer is kept for their text."""
    key = tuple((rel, locale, "\n".join(page.lines)) for page, rel, locale in pages)
    if key in _MAPPED:
        return _MAPPED[key]
    _MAPPED.clear() if len(_MAPPED) > 64 else None
    _MAPPED[key] = out = _map(pages)
    return out


_MAPPED: dict[tuple, list] = {}


def _map(pages: list[tuple[Page, str, str]]) -> list[list[tuple[Row, str, list[str]]]]:
    parsed = []
    for page, rel, locale in pages:
        rules = spec()["rows"].get(locale) or spec()["rows"]["en"]
        secs = sections(page)
        parsed.append((page, rel, locale, secs, _explicit(page, locale, secs), {_fold(w) for w in rules["stopwords"]}))
    groups = [parsed] if len({len(p[4]) for p in parsed}) == 1 else [[p] for p in parsed]
    for group in groups:
        ids_common = set.intersection(*({s.id for s in _candidates(p[3])} for p in group))
        score: dict[str, list[float]] = {}
        for page, rel, locale, secs, result, stop in group:
            cands = [s for s in _candidates(secs) if s.id in ids_common]
            words = {s.id: tokens(s.title + " " + s.id.replace("-", " "), stop) for s in cands}
            df: dict[str, int] = {}
            for ws in words.values():
                for w in ws:
                    df[w] = df.get(w, 0) + 1
            for s in cands:
                per_row = score.setdefault(s.id, [0.0] * len(result))
                for n, (row, kind, _) in enumerate(result):
                    if kind != "break":
                        # an opening's quoted words ("trata / tráfico") are a warm-up, not a topic
                        text = QUOTED.sub(" ", row.segment) if kind == "opening" else row.segment
                        per_row[n] += sum(1 / df[w] for w in words[s.id] & tokens(text, stop)) / len(group)
        handouts = {s.id for s in _candidates(group[0][3]) if _materials(s)}
        for sid, per_row in score.items():
            best = max(range(len(per_row)), key=lambda n: (per_row[n], -n))
            if per_row[best] >= MATCH and sid not in handouts:
                for page, rel, locale, secs, result, stop in group:
                    if sid not in result[best][2]:
                        result[best][2].append(sid)
        # A row still empty (a debrief after its activity, a comparison on a worksheet) presents the
        # section it matches best, even one that another row presents too, or a handout.
        for n in range(len(group[0][4])):
            if group[0][4][n][1] == "break" or any(p[4][n][2] for p in group):
                continue
            sid, best = max(((sid, per_row[n]) for sid, per_row in score.items()), key=lambda kv: kv[1], default=(None, 0))
            if sid and best >= MATCH:
                for p in group:
                    p[4][n][2].append(sid)
    errors, out = [], []
    for page, rel, locale, secs, result, stop in parsed:
        fixed = []
        for row, kind, ids in result:
            ids = sorted(dict.fromkeys(i for i in ids if i in secs), key=lambda x: secs[x].start)
            if kind == "content" and ids and all(secs[x].part == "activities" for x in ids):
                kind = "activity"
            if kind != "break" and not ids:
                errors.append(SourceError(rel, row.line, f"session plan row {row.number} ('{shorten(row.segment, 60)}') presents no "
                                                         f"section of the module, so its slide would be empty: name in the segment "
                                                         f"the words of the heading(s) it presents (rules in data/kit.yml)"))
            fixed.append((row, kind, ids))
        out.append(fixed)
    if errors:
        raise KitError(errors)
    return out


def mapping(page: Page, rel: str, locale: str) -> list[tuple[Row, str, list[str]]]:
    """One language alone (the build maps every language together: see mappings)."""
    return mappings([(page, rel, locale)])[0]


# ---------------------------------------------------------------------------------------------
# The deck

def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _segment_title(segment: str) -> str:
    """'4. Practice: bag, seal …' -> 'Practice: bag, seal …' (the number is shown apart)."""
    return re.sub(r"^\d+\.\s*", "", segment)


NOTE_MATCH = 1.5  # a trainer note joins a slide when the words they share weigh at least this much


def trainer_items(page: Page, secs: dict[str, Section]) -> list[str]:
    """The items of the module's #trainer-notes (its trainer-only blocks, not the national
    adaptation sheet): each bullet, numbered step or paragraph on its own."""
    if "trainer-notes" not in secs:
        return []
    span = secs["trainer-notes"]
    skip = page.section("national-adaptation")
    found: list[str] = []
    for title, text in blocks(page, span.start, skip[0] if skip and span.start < skip[0] < span.end else span.end).trainer:
        found += [line.lstrip("•").strip() for line in text.split("\n") if len(line) > 40]
    return found


def notes_for_rows(items: list[str], row_words: list[set[str]], stop: set[str]) -> dict[int, list[str]]:
    """Each trainer note to the row whose words (segment and section titles) it shares most,
    words shared by fewer rows weighing more (a word in n rows weighs 1/n)."""
    df: dict[str, int] = {}
    for ws in row_words:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    out: dict[int, list[str]] = {}
    for item in items:
        words = tokens(item, stop)
        scores = [sum(1 / df[w] for w in words & ws) for ws in row_words]
        best = max(range(len(scores)), key=lambda n: (scores[n], -n), default=None)
        if best is not None and scores[best] >= NOTE_MATCH:
            out.setdefault(best, []).append(item)
    return out


def deck(path: Path, locale: str, root: Path, mapped: list | None = None, page: Page | None = None) -> Deck:
    """One module's deck; `mapped`, when the caller has mapped every language together (mappings)."""
    page = page or parse(path)
    rel = relative(path, root)
    words = spec()["words"].get(locale) or spec()["words"]["en"]
    stop = {_fold(w) for w in (spec()["rows"].get(locale) or spec()["rows"]["en"])["stopwords"]}
    secs = sections(page)
    mapped = mapped or mapping(page, rel, locale)
    row_words = [set() if kind == "break" else tokens(row.segment + " " + " ".join(secs[i].title for i in ids), stop)
                 for row, kind, ids in mapped]
    general = notes_for_rows(trainer_items(page, secs), row_words, stop)
    number = page.meta.get("module")
    title = str(page.meta.get("title", path.stem))
    total = sum(r.minutes for r, _, _ in mapped)
    slides = [Slide("title", title, subtitle=f"{words['module']} {number}",
                    points=[Point(str(page.meta.get("description", "")))],
                    notes=_title_notes(page, words, total, len(mapped)))]
    elapsed = 0
    for n, (row, kind, ids) in enumerate(mapped):
        start, elapsed = elapsed, elapsed + row.minutes
        timing = words["timing"].format(minutes=row.minutes, start=_clock(start), end=_clock(elapsed))
        head = [f"{words['segment']} {row.number} {words['of']} {len(mapped)}: {_segment_title(row.segment)}",
                timing, f"{words['method']}: {row.method}"]
        if row.materials and row.materials not in ("—", "-"):
            head.append(f"{words['materials']}: {row.materials}")
        if kind == "break":
            slides.append(Slide("break", words["break_title"], [Point(f"{row.minutes} {words['minutes']}")],
                                "\n".join(head), row.number, row.minutes, row.method, row.materials))
            continue
        points = _points(page, secs, kind, ids)
        trainer = [t for i in ids for t in blocks(page, secs[i].start, secs[i].end).trainer]
        covers = f"{words['covers']}: " + "; ".join(secs[i].title for i in ids)
        notes = head + [covers, ""]
        for t_title, text in trainer:
            notes += [f"{t_title or words['trainer_notes']}:", text, ""]
        if general.get(n):
            notes += [f"{words['trainer_notes']}:", *(f"• {t}" for t in general[n]), ""]
        if not trainer and not general.get(n):
            notes.append(words["no_notes"])
        slides.append(Slide("segment", _segment_title(row.segment), points, "\n".join(notes).strip(), row.number,
                            row.minutes, row.method, row.materials, ids))
    key = blocks(page, secs["key-messages"].start, secs["key-messages"].end) if "key-messages" in secs else Blocks()
    messages = [shorten(t, 200) for lst in key.lists[:1] for t in lst]
    slides.append(Slide("key-messages", words["key_messages"], [Point(t) for t in messages],
                        f"{words['key_messages']}: {words['module']} {number}, {title}.\n" + "\n".join(f"• {t}" for t in messages)))
    return Deck(locale, number, path.stem, title, str(page.meta.get("description", "")), rel, total, slides, words, path.resolve())


def _title_notes(page: Page, words: dict, total: int, segments: int) -> str:
    objectives = [str(o) for o in page.meta.get("objectives", [])]
    return "\n".join([words["title_meta"].format(minutes=total, segments=segments), "", *(f"• {o}" for o in objectives), "",
                      words["font_note"]])


def _points(page: Page, secs: dict[str, Section], kind: str, ids: list[str]) -> list[Point]:
    parts = [(secs[i], blocks(page, secs[i].start, secs[i].end)) for i in ids]
    if kind == "key_messages":
        return [Point(shorten(t, 200)) for _, b in parts for lst in b.lists[:1] for t in lst][:8]
    if kind == "knowledge":
        b = parts[0][1]
        intro = [shorten(p, 200) for p in b.paragraphs[:1]]
        count = len(b.lists[0]) if b.lists else 0
        return [Point(t) for t in intro] + ([Point(f"{count} ×  ?")] if count and not intro else [])
    if len(parts) == 1:
        sec, b = parts[0]
        texts = activity_points(b, MAX_POINTS) if sec.part == "activities" else key_points(b, MAX_POINTS)
        return [Point(t) for t in texts] or [Point(sec.title)]
    per = max(1, (9 - len(parts)) // len(parts)) if len(parts) <= 4 else 0  # sub-points under each section's title
    out: list[Point] = []
    for sec, b in parts:
        out.append(Point(sec.title))
        texts = activity_points(b, per) if sec.part == "activities" else key_points(b, per)
        out += [Point(t, 1) for t in texts[:per]]
    return out


def module_files(docs_dir: Path, locales: list[str]) -> dict[str, list[tuple[str, Path]]]:
    """Each module file name (same in every language) -> [(locale, path)] of the languages that have it."""
    out: dict[str, list[tuple[str, Path]]] = {}
    for locale in locales:
        for path in sorted((docs_dir / locale / "modules").glob("*.md")):
            if path.name != "index.md":
                out.setdefault(path.name, []).append((locale, path))
    return out


def decks(docs_dir: Path, locales: list[str], root: Path) -> list[Deck]:
    """Every module's deck in every language (the languages of a module mapped together), in module
    order. Raises KitError with every row that maps to nothing."""
    out, errors = [], []
    for name, versions in module_files(docs_dir, locales).items():
        pages = [(parse(path), relative(path, root), locale) for locale, path in versions]
        if not all(isinstance(p.meta.get("module"), int) for p, _, _ in pages):
            continue
        try:
            maps = mappings(pages)
        except KitError as exc:
            errors += exc.errors
            continue
        out += [_deck(path, locale, root, m, p) for (locale, path), m, (p, _, _) in zip(versions, maps, pages)]
    if errors:
        raise KitError(errors)
    return sorted(out, key=lambda d: (d.module, locales.index(d.locale)))


# The last deck of each module page, with what it was made from: a parsed page stays the same
# object while its text is unchanged (source.parse_text), and kit.yml's while the file is, so
# `mkdocs serve` makes again only the decks of a module or settings that changed.
_decks: dict[tuple[str, str], tuple[Page, str, dict, Deck]] = {}


def _deck(path: Path, locale: str, root: Path, mapped: list, page: Page) -> Deck:
    key, said = (str(path), locale), repr((str(root), mapped))
    last = _decks.get(key)
    if last is not None and last[0] is page and last[1] == said and last[2] is spec():
        return last[3]
    made = deck(path, locale, root, mapped, page)
    _decks[key] = (page, said, spec(), made)
    return made


def check(pages: list[tuple[Page, str, str]]) -> list[SourceError]:
    """For the check registry: the rows of one module (every language) that no slide could present."""
    if not all(isinstance(p.meta.get("module"), int) and p.section("session-plan") for p, _, _ in pages):
        return []  # the front-matter and session-plan checks report it
    try:
        mappings(pages)
    except KitError as exc:
        return exc.errors
    return []
