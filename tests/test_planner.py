"""The course planner: agenda times computed from the modules' session plans (in-process), and
the planner page of a tiny site following a change of a module's duration."""
from __future__ import annotations

import re

from conftest import tiny_module

from curriculum import planner

DAY = planner.Day(start=planner.clock("08:30"), lunch_from=planner.clock("12:00"), lunch_minutes=60,
                  max_minutes=450, between_modules=15)


def module(number, *minutes, breaks=()):
    return planner.Module(number, f"Module {number}", tuple(planner.Segment(m, i in breaks) for i, m in enumerate(minutes)))


def add_up(agenda: planner.Agenda, modules: list[planner.Module]):
    """Each day's slots follow one another without gaps; every module's minutes are all there."""
    taught = {}
    for slots in agenda.days:
        assert slots[0].start == DAY.start
        for before, after in zip(slots, slots[1:]):
            assert before.end == after.start, (before, after)
        assert sum(s.minutes for s in slots) == slots[-1].end - slots[0].start
        assert sum(s.minutes for s in slots if s.kind != "lunch") <= DAY.max_minutes
        assert sum(s.kind == "lunch" for s in slots) <= 1
        for s in slots:
            if s.kind == "module":
                taught[s.module] = taught.get(s.module, 0) + s.minutes
    for m in modules:
        assert taught[m.number] == sum(s.minutes for s in m.segments if not s.is_break), m.number


def test_a_module_runs_with_its_breaks_and_lunch_at_the_first_boundary_after_noon():
    m = module(1, 90, 15, 120, 15, 60, breaks=(1, 3))  # 300 minutes with two breaks
    agenda = planner.schedule([m], DAY)
    kinds = [(s.kind, planner.hhmm(s.start), planner.hhmm(s.end)) for s in agenda.days[0]]
    assert kinds == [("module", "08:30", "10:00"), ("break", "10:00", "10:15"), ("module", "10:15", "12:15"),
                     ("lunch", "12:15", "13:15"), ("module", "13:15", "14:15")]  # the break at 12:15 became lunch
    add_up(agenda, [m])


def test_a_module_that_does_not_fit_starts_the_next_day():
    modules = [module(1, 240, 15, 45, breaks=(1,)), module(2, 200), module(3, 100)]
    agenda = planner.schedule(modules, DAY)
    assert [[s.module for s in day if s.kind == "module"] for day in agenda.days] == [[1, 1], [2, 3]]
    # 08:30-11:50 module 2; its 15-minute break before module 3 ends after noon, so lunch takes its place
    assert [(s.kind, planner.hhmm(s.start)) for s in agenda.days[1]] == [("module", "08:30"), ("lunch", "11:50"), ("module", "12:50")]
    add_up(agenda, modules)


def test_changing_a_duration_changes_every_later_time():
    short = [module(1, 60), module(2, 60)]
    longer = [module(1, 90), module(2, 60)]
    a, b = planner.schedule(short, DAY), planner.schedule(longer, DAY)
    assert a.days[0][-1].end + 30 == b.days[0][-1].end
    add_up(a, short)
    add_up(b, longer)


ROW = re.compile(r"<tr>\s*<td>(\d\d):(\d\d)–(\d\d):(\d\d)</td>\s*<td>(.*?)</td>\s*<td>(\d+)</td>", re.DOTALL)


def agendas(html: str) -> dict[str, list[tuple[int, int, str, int]]]:
    """Agenda tables of a built planner page: heading id -> [(start, end, activity, minutes)]."""
    found = {}
    for m in re.finditer(r'<h3 id="([\w-]+-day-\d+)".*?<table\b[^>]*>(.*?)</table>', html, re.DOTALL):
        found[m.group(1)] = [(int(r[0]) * 60 + int(r[1]), int(r[2]) * 60 + int(r[3]), r[4], int(r[5]))
                             for r in ROW.findall(m.group(2))]
    return found


PLANNER = {
    "es/course-planner.md": "---\ntitle: Planificador\ndescription: Agendas calculadas a partir de los módulos del sitio de prueba.\n---\n\n# Planificador\n\n<!-- curriculum:planner -->\n",
    "en/course-planner.md": "---\ntitle: Planner\ndescription: Agendas computed from the modules of the test site.\n---\n\n# Planner\n\n<!-- curriculum:planner -->\n",
}


def test_the_planner_page_follows_a_modules_duration_and_its_times_add_up(tiny_site):
    site = tiny_site.write(PLANNER)
    for lang in ("es", "en"):
        site.write({f"{lang}/modules/01-a.md": tiny_module(1, lang, "Uno"), f"{lang}/modules/02-b.md": tiny_module(2, lang, "Dos")})
    assert site.build().returncode == 0
    before = agendas((site.root / "site" / "en" / "course-planner" / "index.html").read_text(encoding="utf-8"))
    for lang in ("es", "en"):  # module 1 from 60 to 90 minutes: its plan and its front matter
        page = tiny_module(1, lang, "Uno").replace("duration_minutes: 60", "duration_minutes: 90").replace("| 30 |", "| 60 |")
        site.write({f"{lang}/modules/01-a.md": page})
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    after = agendas((site.root / "site" / "en" / "course-planner" / "index.html").read_text(encoding="utf-8"))
    assert set(before) == set(after) and "three-day-course-day-1" in after
    assert before != after
    three = after["three-day-course-day-1"]
    assert three[0][:2] == (8 * 60 + 30, 10 * 60) and "Module 1" in three[0][2]  # 08:30-10:00, 90 minutes
    for rows in after.values():
        for (start, end, _, minutes), nxt in zip(rows, rows[1:] + [None]):
            assert end - start == minutes
            if nxt:
                assert nxt[0] == end
    taught = sum(minutes for _, _, what, minutes in three if "Module" in what)
    assert taught == 90 + 60
