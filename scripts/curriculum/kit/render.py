"""The module page's knowledge check, written at build time from the question bank.

The page keeps the `#knowledge-check` heading and its intro; after the intro this adds, in a
`kc-static` block, the `in_check` questions as a numbered list and the trainer-only answer key
(answer, explanation, citation), then the data the self-check needs (a JSON script element read
by overrides/assets/javascripts/knowledge-check.js: no file is fetched, so an offline copy opened
from file:// works). Without JavaScript the list and the key are what the reader gets.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import markdown as md

from .questions import Bank, Question

LETTERS = "abcde"


@lru_cache(maxsize=4096)
def inline_html(text: str) -> str:
    """Inline Markdown (italics, bold) as HTML, without the paragraph."""
    html = md.markdown(text, output_format="html").strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S)


def plain(text: str) -> str:
    """Inline Markdown without its marks, for plain-text formats."""
    return re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text)


def answer_label(q: Question, words: dict) -> str:
    """'d' or 'False': how the key and the feedback name the right answer."""
    if q.type == "true-false":
        return words["kc_true"] if q.answer else words["kc_false"]
    return LETTERS[q.correct]


def choices(q: Question, words: dict) -> list[str]:
    """The texts a reader chooses from (true-false: True, False), inline Markdown."""
    if q.type == "true-false":
        return [words["kc_true"], words["kc_false"]]
    return [o.text for o in q.options]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def question_markdown(n: int, q: Question, words: dict) -> list[str]:
    if q.type == "true-false":
        return [f"{n}. **{words['kc_true_or_false']}** {_one_line(q.stem)}"]
    options = "; ".join(f"{LETTERS[i]}) {_one_line(o.text)}" for i, o in enumerate(q.options))
    return [f"{n}. {_one_line(q.stem)}", f"    {options}."]


def key_markdown(n: int, q: Question, words: dict) -> str:
    return f"    {n}. **{answer_label(q, words)}.** {_one_line(q.explanation)} ({_one_line(q.citation)})"


def data(bank: Bank, words: dict) -> dict:
    """What the self-check script needs, with every word it shows (data/labels.yml)."""
    keys = ("kc_self_check", "kc_self_check_intro", "kc_question", "kc_check", "kc_next", "kc_see_score", "kc_right",
            "kc_wrong", "kc_choose_first", "kc_source", "kc_score", "kc_progress", "kc_restart", "kc_true_or_false")
    return {"module": bank.module, "lang": bank.lang,
            "labels": {k[3:]: words[k] for k in keys},
            "questions": [{"id": q.id, "stem": inline_html(q.stem), "tf": q.type == "true-false",
                           "options": [inline_html(c) for c in choices(q, words)],
                           "feedback": [inline_html(o.feedback) for o in q.options] if q.type == "choice" else ["", ""],
                           "correct": q.correct, "answer": answer_label(q, words),
                           "explanation": inline_html(q.explanation), "citation": inline_html(q.citation)}
                          for q in bank.in_check]}


def block(bank: Bank, words: dict) -> str:
    lines = ['<div class="kc-static" markdown>', ""]
    for n, q in enumerate(bank.in_check, 1):
        lines += question_markdown(n, q, words)
    lines += ["", f'??? trainer-only "{words["kc_answer_key"]}"', ""]
    lines += [key_markdown(n, q, words) for n, q in enumerate(bank.in_check, 1)]
    lines += ["", "</div>", ""]
    payload = json.dumps(data(bank, words), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    lines += [f'<script type="application/json" class="kc-data">{payload}</script>', ""]
    return "\n".join(lines)


def expand(markdown: str, bank: Bank | None, words: dict) -> str:
    """A module page's Markdown with its knowledge check written in (unchanged without a bank:
    the check reports a missing one)."""
    if bank is None or "knowledge-check" not in markdown:
        return markdown
    from ..booklet.pages import insert  # here: the booklet pipeline imports this package
    return insert(markdown, block(bank, words), "knowledge-check")
