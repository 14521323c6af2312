"""Session plans that a trainer can keep: the pacing rules of data/pacing.yml (opening, closing
evaluation, longest talk, role-play rounds, minutes per knowledge-check question, breaks)."""
from __future__ import annotations

import math
import re

from . import data
from .errors import SourceError
from .session_plan import minutes_column, plan_table
from .source import Page

def load_rules() -> dict:
    """data/pacing.yml as it is now (re-read when it changes, for `mkdocs serve`)."""
    return data.load("pacing.yml")


def _rows(page: Page):
    """(line, segment, method, minutes) of each plan row, the total row left out."""
    table = plan_table(page)
    if table is None:
        return []
    col = minutes_column(table.header)
    if col is None:
        return []
    method_col = next((i for i, h in enumerate(table.header) if re.search(r"m[eé]todo|method", h, re.I)), None)
    rows = []
    for n, row in enumerate(table.rows, start=1):
        cell = re.sub(r"[*_\s]", "", row[col] if col < len(row) else "")
        if not cell.isdigit() or re.search(r"total", " ".join(row), re.I):
            continue
        segment = re.sub(r"^[\d.\s*]+", "", row[0]).strip("* ")
        method = row[method_col] if method_col is not None and method_col < len(row) else ""
        rows.append((table.line + 1 + n, segment, method, int(cell)))
    return rows


def check(page: Page, rel: str, rules: dict, questions: int = 0) -> list[SourceError]:
    """questions: how many the module's knowledge check has (its bank's `in_check` questions)."""
    rows = _rows(page)
    if not rows:
        return []  # session_plan.py reports a missing or malformed plan
    errors = []

    def err(line, text):
        errors.append(SourceError(rel, line, f"{text} (pacing rules: data/pacing.yml, STYLE-GUIDE.md)"))

    def match(pattern, text):
        return bool(pattern) and re.search(pattern, text, re.I)

    line, segment, _, minutes = rows[0]
    if minutes < rules["opening"]["min_minutes"]:
        err(line, f"the opening '{segment}' has {minutes} minutes: plan at least {rules['opening']['min_minutes']} "
                  f"for welcome and introductions in a mixed group")
    line, segment, _, minutes = rows[-1]
    closing = rules["closing"]
    if minutes < closing["min_minutes"] or not match(closing["mentions"], segment):
        err(line, f"the last segment '{segment}' ({minutes} min) must be the closing with the written evaluation, "
                  f"at least {closing['min_minutes']} minutes: name the evaluation in it and give it the time")
    pres, role, kc, brk = rules["presentation"], rules["role_play"], rules["knowledge_check"], rules["break"]
    for line, segment, method, minutes in rows:
        if (match(pres["segment"], segment) or match(pres["method"], method)) and minutes > pres["max_minutes"]:
            err(line, f"'{segment}' is a talk of {minutes} minutes: split it at {pres['max_minutes']} minutes or less, "
                      f"with participants doing something in between")
        if match(role["method"], method) and minutes < role["min_minutes"]:
            err(line, f"the role-play '{segment}' has {minutes} minutes: a round needs at least {role['min_minutes']} "
                      f"(briefing, play that reaches the account, feedback)")
        if match(kc["segment"], segment):
            needed = kc["min_minutes_per_question"] * questions
            if minutes < needed:
                err(line, f"the knowledge check has {questions} questions and {minutes} minutes: plan at least "
                          f"{needed} ({kc['min_minutes_per_question']} per question to answer and correct)")
    total = sum(m for *_, m in rows)
    breaks = [r for r in rows if match(brk["segment"], r[1]) and r[3] >= brk["min_minutes"]]
    needed = max(0, math.ceil(total / brk["every_minutes"]) - 1)
    if len(breaks) < needed:
        err(rows[0][0], f"a {total}-minute session needs {needed} break(s) of at least {brk['min_minutes']} minutes "
                        f"(one for every {brk['every_minutes']} minutes); the plan has {len(breaks)}")
    return errors
