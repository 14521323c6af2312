"""GIFT question bank of one module and language (Moodle's GIFT import; other platforms read it too).

As Moodle's own exporter writes it (question/format/gift/format.php and its tests in the
moodle/moodle repository): `$CATEGORY: …` first, then per question a `// question:` comment and
`::name::[html]text{…}`; choice answers on their own lines, `=` for the correct one and `~` for
the others, each with `#feedback`; true-false as `{TRUE#feedback if wrong#feedback if right}`;
the general feedback after `####`. The characters ~ = # { } : and the backslash are escaped with a
backslash, and line breaks are written as \\n.
"""
from __future__ import annotations

from .moodle import answer_feedback, category, general_feedback
from .questions import Bank, Question
from .render import inline_html

RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}


def escape(text: str) -> str:
    return "".join(RESERVED.get(c, c) for c in text)


def _question(q: Question, words: dict) -> list[str]:
    out = [f"// question: {q.id}  name: {q.id}", f"::{escape(q.id)}::[html]{escape(inline_html(q.stem))}{{"]
    general = f"####[html]{escape(general_feedback(q, words))}"
    if q.type == "choice":
        for i, o in enumerate(q.options):
            mark = "=" if i == q.correct else "~"
            out.append(f"\t{mark}[html]{escape(inline_html(o.text))}#[html]{escape(answer_feedback(q, i, words))}")
        out += [f"\t{general}", "}", ""]
    else:
        right, wrong = q.correct, 1 - q.correct
        out[-1] += (f"{'TRUE' if q.answer else 'FALSE'}#[html]{escape(answer_feedback(q, wrong, words))}"
                    f"#[html]{escape(answer_feedback(q, right, words))}{general}}}")
        out.append("")
    return out


def export(bank: Bank, words: dict) -> str:
    lines = [f"// {category(bank, words)} ({len(bank.questions)})", f"$CATEGORY: {category(bank, words)}", ""]
    for q in bank.questions:
        lines += _question(q, words)
    return "\n".join(lines)
