"""The course's printable, fillable forms: evaluation form, attendance sheet, certificate of participation.

HTML from templates/ (Jinja2) and form.css, rendered by the booklet pipeline (scripts/curriculum/
booklet/pipeline.py: the same WeasyPrint call, pdf/ua-1, content-hash cache, MkDocs files) with
WeasyPrint's `pdf_forms` option, which turns <input>, <textarea> and checkboxes into PDF form
fields named by their `name`. Each form in each language on Letter and on A4:
<lang>/kit/forms/<id>-<paper>.pdf. Words in data/kit.yml (`forms`), per language; the evaluation
form lists every module's objectives from its front matter, so a change to a module changes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2

from .. import DATA, data
from ..source import parse

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
CSS = HERE / "form.css"
PAPERS = {"letter": "Letter", "a4": "A4"}
ATTENDANCE_ROWS = 30
ATTENDANCE_DAYS = 5


@dataclass(frozen=True)
class Form:
    id: str  # evaluation-form, attendance-sheet, certificate
    template: str
    landscape: bool
    title_key: str
    description_key: str
    max_pages: int | None


FORMS = (
    Form("evaluation-form", "evaluation.html", False, "evaluation_title", "evaluation_description", None),
    Form("attendance-sheet", "attendance.html", True, "attendance_title", "attendance_description", 2),
    Form("certificate", "certificate.html", True, "certificate_title", "certificate_description", 1),
)


@dataclass
class Document:
    form: Form
    paper: str  # letter or a4
    slug: str  # <id>-<paper>
    title: str
    html: str
    date: str  # the edition date printed in its footer
    inputs: list[Path] = field(default_factory=list)  # files that decide the output, for the cache key and the date


def words(locale: str) -> dict:
    forms = data.load("kit.yml")["forms"]
    return forms.get(locale) or forms["en"]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def modules(lang_dir: Path, locale: str) -> tuple[list[dict], list[Path]]:
    """Each module's number, title and objectives (without their common lead), in module order."""
    lead = re.compile(words(locale)["objective_lead"], re.I)
    out, paths = [], []
    for path in sorted((lang_dir / "modules").glob("*.md")):
        if path.name == "index.md":
            continue
        meta = parse(path).meta
        if not isinstance(meta.get("module"), int):
            continue
        objectives = [lead.sub("", str(o)).strip() for o in meta.get("objectives", [])]
        out.append({"number": meta["module"], "title": str(meta.get("title", path.stem)),
                    "objectives": [o[:1].upper() + o[1:] for o in objectives]})
        paths.append(path)
    return sorted(out, key=lambda m: m["number"]), paths


def documents(lang_dir: Path, locale: str, site_name: str, labels: dict, date_of, revision: str | None) -> list[Document]:
    """Every form of one language on every paper. date_of(paths) gives the edition date."""
    f = words(locale)
    mods, paths = modules(lang_dir, locale)
    inputs = [DATA / "kit.yml", CSS, Path(__file__), *sorted(TEMPLATES.iterdir())]
    out = []
    for form in FORMS:
        mine = inputs + (paths if form.id == "evaluation-form" else [])
        date = date_of(paths if form.id == "evaluation-form" and paths else [DATA / "kit.yml"])
        for paper, css_name in PAPERS.items():
            title = f[form.title_key]
            html = environment().get_template(form.template).render(
                locale=locale, title=title, description=f[form.description_key], form_id=form.id.split("-")[0],
                keywords=f"{title}, {site_name}", date=date, revision=revision, site_name=site_name,
                page_size=css_name + (" landscape" if form.landscape else ""), f=f, w=labels, modules=mods,
                rows=ATTENDANCE_ROWS, days=ATTENDANCE_DAYS)
            out.append(Document(form, paper, f"{form.id}-{paper}", f"{title} ({f['paper_' + paper]})", html, date, mine))
    return out
