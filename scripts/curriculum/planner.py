"""Course agendas: start and end times computed from the modules' session plans and the school
day of data/course-planner.yml. Pure computation, no MkDocs: see planner_page.py for the page."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    minutes: int
    is_break: bool = False


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    segments: tuple[Segment, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.segments)


@dataclass(frozen=True)
class Day:
    start: int  # minutes after midnight
    lunch_from: int
    lunch_minutes: int
    max_minutes: int
    between_modules: int


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    kind: str  # "module", "break", "lunch"
    module: int | None = None
    title: str = ""
    continued: bool = False  # a module's second or later session

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class Agenda:
    days: list[list[Slot]] = field(default_factory=list)


def clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_from(data: dict) -> Day:
    return Day(clock(data["start"]), clock(data["lunch_from"]), int(data["lunch_minutes"]),
               int(data["max_minutes"]), int(data["between_modules"]))


def schedule(modules: list[Module], day: Day) -> Agenda:
    """Modules in order, a day after another: a module starts on a day only if it ends within
    `day.max_minutes` of teaching and breaks; lunch comes at the first segment boundary at or
    after `day.lunch_from` (a break planned there is taken as lunch); consecutive teaching
    segments of one module make one session."""
    agenda = Agenda()
    slots: list[Slot] = []
    now = day.start
    used = 0  # teaching and breaks today
    lunched = False

    def add(kind, minutes, module=None, continued=False):
        nonlocal now, used
        last = slots[-1] if slots else None
        if kind == "module" and last and last.kind == "module" and last.module == module.number:
            slots[-1] = Slot(last.start, now + minutes, "module", module.number, module.title, last.continued)
        else:
            slots.append(Slot(now, now + minutes, kind, module.number if module else None,
                              module.title if module else "", continued))
        now += minutes
        if kind != "lunch":
            used += minutes

    for module in modules:
        needed = module.minutes + (day.between_modules if slots else 0)
        if slots and used + needed > day.max_minutes:
            agenda.days.append(slots)
            slots, now, used, lunched = [], day.start, 0, False
        if slots:
            add("break", day.between_modules)
        started = False
        for segment in module.segments:
            if not lunched and now >= day.lunch_from:
                if slots and slots[-1].kind == "break":  # lunch replaces the break before it
                    dropped = slots.pop()
                    now, used = now - dropped.minutes, used - dropped.minutes
                add("lunch", day.lunch_minutes)
                lunched = True
                if segment.is_break:
                    continue
            if segment.is_break:
                add("break", segment.minutes)
            else:
                add("module", segment.minutes, module, continued=started)
                started = True
    if slots:
        agenda.days.append(slots)
    return agenda
