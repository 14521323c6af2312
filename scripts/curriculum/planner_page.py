"""The course planner page: `<!-- curriculum:planner -->` in docs/<lang>/course-planner.md becomes
the list of modules (duration, audience, objectives, from their front matter) and the agendas of
data/course-planner.yml, timed by planner.py from each module's session plan."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from . import data, pacing, planner
from .indexes import labels
from .source import parse

MARKER = re.compile(r"<!--\s*curriculum:planner\s*-->")


def modules(lang_dir: Path) -> dict[int, tuple[planner.Module, object]]:
    """Module number -> (its timing, its parsed page), from docs/<lang>/modules/."""
    is_break = re.compile(pacing.load_rules()["break"]["segment"], re.IGNORECASE)
    found = {}
    for path in sorted((lang_dir / "modules").glob("*.md")):
        if path.name == "index.md":
            continue
        page = parse(path)
        number = page.meta.get("module")
        rows = pacing._rows(page)
        segments = tuple(planner.Segment(minutes, bool(is_break.search(segment))) for _, segment, _, minutes in rows)
        if not segments:  # no readable plan: the whole duration as one session
            segments = (planner.Segment(int(page.meta.get("duration_minutes") or 0)),)
        found[number] = (planner.Module(number, str(page.meta.get("title", "")), segments), page)
    return found


def _cell(value) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def page(lang_dir: Path, page_dir: Path, locale: str) -> str:
    words = labels()[locale]
    plan = data.load("course-planner.yml")
    day = planner.day_from(plan["day"])
    found = modules(lang_dir)

    def link(number: int) -> str:
        path = found[number][1].path
        return get_relative_url(path.relative_to(lang_dir).as_posix(), page_dir.relative_to(lang_dir).as_posix() + "/")

    out = ['<div class="course-planner" markdown>', "", f"## {words['module_list']} {{ #modules }}", "",
           f"| {words['module']} | {words['title']} | {words['duration']} | {words['audience']} |",
           "|---|---|---|---|"]
    for number in sorted(found):
        module, source = found[number]
        out.append(f"| {number} | [{_cell(module.title)}]({link(number)}) | {module.minutes} {words['minutes']} | "
                   f"{_cell(', '.join(source.meta.get('audience', [])))} |")
    out += ["", f"### {words['objectives_list']} {{ #objectives }}", ""]
    for number in sorted(found):
        module, source = found[number]
        out += [f"{words['module']} {number}. {module.title}", ""]
        out += [f":   {i}. {' '.join(str(o).split())}" if i == 1 else f"    {i}. {' '.join(str(o).split())}"
                for i, o in enumerate(source.meta.get("objectives", []), start=1)]
        out.append("")
    out.append("")
    for agenda in [*plan["agendas"], *plan["audiences"]]:
        missing = [n for n in agenda["modules"] if n not in found]
        chosen = [found[n][0] for n in agenda["modules"] if n in found]
        timed = planner.schedule(chosen, day)
        teaching = sum(m.minutes for m in chosen)
        out += [f"## {agenda['title'][locale]} {{ #{agenda['id']} }}", "",
                f"{words['modules']}: {', '.join(str(n) for n in agenda['modules'] if n not in missing)}. "
                f"{words['total_teaching'].format(minutes=teaching)}.", ""]
        for n, slots in enumerate(timed.days, start=1):
            out += [f"### {words['day'].format(n=n)} {{ #{agenda['id']}-day-{n} }}", "",
                    f"| {words['time']} | {words['activity']} | {words['minutes']} |", "|---|---|---|"]
            for slot in slots:
                if slot.kind == "module":
                    what = f"[{words['module']} {slot.module}]({link(slot.module)}). {_cell(slot.title)}"
                    if slot.continued:
                        what += f" {words['continued']}"
                else:
                    what = words[slot.kind]
                out.append(f"| {planner.hhmm(slot.start)}–{planner.hhmm(slot.end)} | {what} | {slot.minutes} |")
            out += [f"| {planner.hhmm(slots[-1].end)} | {words['end_of_day']} | |", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def expand(markdown: str, lang_dir: Path, page_dir: Path, locale: str) -> str:
    return MARKER.sub(lambda m: page(lang_dir, page_dir, locale), markdown)
