"""A module's session plan must add up: its minutes column sums to duration_minutes."""
from __future__ import annotations

import re

from .errors import SourceError
from .source import Page

SECTION_ID = "session-plan"


def minutes_column(header: list[str]) -> int | None:
    for i, cell in enumerate(header):
        if re.search(r"\bmin", cell, re.IGNORECASE):
            return i
    return None


def plan_table(page: Page):
    span = page.section(SECTION_ID)
    if not span:
        return None
    for table in page.tables:
        if span[0] < table.line < span[1]:
            return table
    return None


def check(page: Page, rel: str) -> list[SourceError]:
    duration = page.meta.get("duration_minutes")
    if not isinstance(duration, int):
        return []  # the front-matter check reports it
    if not page.section(SECTION_ID):
        return [SourceError(rel, None, f"module has no session plan: add a section '## … {{ #{SECTION_ID} }}' with a table whose minutes add up to duration_minutes ({duration})")]
    table = plan_table(page)
    if table is None:
        return [SourceError(rel, page.section(SECTION_ID)[0], "the session plan has no table: add one with a 'Minutes' column")]
    col = minutes_column(table.header)
    if col is None:
        return [SourceError(rel, table.line, "the session plan table has no minutes column: name one column 'Minutes' ('Minutos' in Spanish)")]
    total = 0
    for n, row in enumerate(table.rows, start=1):
        cell = row[col] if col < len(row) else ""
        digits = re.sub(r"[*_\s]", "", cell)
        if not digits.isdigit():
            if n == len(table.rows) and re.search(r"total", " ".join(row), re.IGNORECASE):
                continue
            return [SourceError(rel, table.line + 1 + n, f"session plan row {n} has '{cell}' in the minutes column: write a whole number of minutes")]
        if n == len(table.rows) and re.search(r"total", " ".join(row), re.IGNORECASE):
            if int(digits) != total:
                return [SourceError(rel, table.line + 1 + n, f"the session plan's total row says {digits} but its rows add up to {total}: fix the total")]
            continue
        total += int(digits)
    if total != duration:
        return [SourceError(rel, table.line, f"session plan minutes add up to {total} but duration_minutes is {duration}: change a segment or the front matter so that they agree")]
    return []
