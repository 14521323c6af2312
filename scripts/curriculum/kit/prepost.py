"""Pre- and post-tests: forms A and B of each module and language, drawn from the whole bank, each
with its answer sheet, and the trainer's answer key; HTML for the booklet pipeline
(curriculum/booklet/pipeline.py renders it to tagged PDFs on Letter and A4, through its cache).

The split is deterministic and balanced by objective: the questions, ordered by objective (bank
order within one), go to A, B, A, B, … so that each objective's questions are shared out as evenly
as possible and both forms have the same number. A bank of an odd number of questions (only a
placeholder can have one) leaves its last question out of both forms.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .questions import Bank, Question
from .render import LETTERS, choices, inline_html

PAPERS = {"letter": "Letter", "a4": "A4"}
FORMS = ("A", "B")


def split(bank: Bank) -> dict[str, list[Question]]:
    """{'A': [...], 'B': [...]}: same number, none in both, balanced by objective; each in bank order."""
    ordered = sorted(bank.questions, key=lambda q: q.objective)  # stable: bank order within an objective
    if len(ordered) % 2:
        ordered = ordered[:-1]
    chosen = {form: {q.id for q in ordered[i::2]} for i, form in enumerate(FORMS)}
    return {form: [q for q in bank.questions if q.id in chosen[form]] for form in FORMS}


@dataclass
class Document:
    """One module's tests on one paper, rendered once and written as three PDFs (its parts)."""
    slug: str  # module-01-letter: the parts are module-01-form-a-letter.pdf, …-form-b-…, …-key-…
    paper: str  # letter or a4
    html: str
    parts: dict[str, str]  # part (form-a, form-b, key) -> the title of its PDF

    def part_slug(self, part: str) -> str:
        number, paper = self.slug.rsplit("-", 1)
        return f"{number}-{part}-{paper}"


PARTS = ("form-a", "form-b", "key")


def _item(q: Question, words: dict) -> dict:
    return {"stem": Markup(inline_html(q.stem)), "tf": q.type == "true-false",
            "options": [Markup(inline_html(c)) for c in choices(q, words)]}


def documents(bank: Bank, module_title: str, render, words: dict, date: str) -> list[Document]:
    """The tests of one bank on each paper. render(template, page_size, **values) fills a template
    of booklet/templates/."""
    forms = split(bank)
    n = bank.module
    titles = {"form-a": words["kit_form_title"].format(n=n, form="A"), "form-b": words["kit_form_title"].format(n=n, form="B"),
              "key": words["kit_key_title"].format(n=n)}
    out = []
    for paper, size in PAPERS.items():
        html = render("kit-tests.html", size, title=titles["form-a"], module_title=module_title, date=date, number=n,
                      description=words["kit_form_description"].format(n=n, form="A", count=len(forms["A"])),
                      keywords=", ".join([words["kit_tests"], words["module"] + f" {n}"]),
                      forms=[(form, [_item(q, words) for q in forms[form]]) for form in FORMS], letters=LETTERS,
                      width=max((len(q.options) if q.type == "choice" else 2) for q in bank.questions),
                      keys=[(form, [(i, LETTERS[q.correct], q.objective, Markup(inline_html(q.citation)))
                                    for i, q in enumerate(forms[form], 1)]) for form in FORMS])
        out.append(Document(f"module-{n:02d}-{paper}", paper, html, titles))
    return out
