"""Moodle XML question bank of one module and language (Moodle's "Moodle XML format" import).

The structure follows Moodle's own test fixtures (question/format/xml/tests/fixtures/ in the
moodle/moodle repository: multichoice.xml, truefalse.xml, export_category.xml): a category
question first ($course$/<course>/<Module N>, in the module's language), then one question per
bank entry, named by its id. A choice question is `multichoice` with `single` true, fraction 100
on its one correct answer and 0 on the others; a true-false question is `truefalse` with the
answers `true` and `false`. Each answer has feedback: the option's own if the bank gives one, else
one made from the explanation; the explanation and the citation are the general feedback.
"""
from __future__ import annotations

from html import escape

from .questions import Bank, Question
from .render import inline_html


def _cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(html: str) -> str:
    return f"<text>{_cdata(html)}</text>" if html else "<text></text>"


def category(bank: Bank, words: dict) -> str:
    return f"$course$/{words['kc_course']}/{words['kc_category'].format(n=bank.module)}"


def general_feedback(q: Question, words: dict) -> str:
    return f"<p>{inline_html(q.explanation)}</p><p>{escape(words['kc_source'])}: {inline_html(q.citation)}</p>"


def answer_feedback(q: Question, i: int, words: dict) -> str:
    """The feedback of answer i: the option's own, else 'Right. …' or 'Wrong. …' with the explanation."""
    if q.type == "choice" and q.options[i].feedback:
        return f"<p>{inline_html(q.options[i].feedback)}</p>"
    key = "kc_feedback_right" if i == q.correct else "kc_feedback_wrong"
    return "<p>" + escape(words[key].split("{explanation}")[0]) + inline_html(q.explanation) + "</p>"


def _question(q: Question, words: dict) -> list[str]:
    head = [f"<!-- question: {q.id}  -->",
            f'  <question type="{"multichoice" if q.type == "choice" else "truefalse"}">',
            f"    <name>\n      <text>{escape(q.id)}</text>\n    </name>",
            f'    <questiontext format="html">\n      {_text("<p>" + inline_html(q.stem) + "</p>")}\n    </questiontext>',
            f'    <generalfeedback format="html">\n      {_text(general_feedback(q, words))}\n    </generalfeedback>',
            "    <defaultgrade>1.0000000</defaultgrade>",
            f"    <penalty>{'0.3333333' if q.type == 'choice' else '1.0000000'}</penalty>",
            "    <hidden>0</hidden>"]
    if q.type == "choice":
        head += ["    <single>true</single>",
                 "    <shuffleanswers>false</shuffleanswers>",  # options may refer to each other ("both", "neither")
                 "    <answernumbering>abc</answernumbering>"]
        head += [f'    <{name} format="html">\n      <text></text>\n    </{name}>'
                 for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")]
        for i, o in enumerate(q.options):
            head += [f'    <answer fraction="{100 if i == q.correct else 0}" format="html">',
                     f"      {_text('<p>' + inline_html(o.text) + '</p>')}",
                     f'      <feedback format="html">\n        {_text(answer_feedback(q, i, words))}\n      </feedback>',
                     "    </answer>"]
    else:
        for i, value in enumerate(("true", "false")):
            head += [f'    <answer fraction="{100 if i == q.correct else 0}" format="moodle_auto_format">',
                     f"      <text>{value}</text>",
                     f'      <feedback format="html">\n        {_text(answer_feedback(q, i, words))}\n      </feedback>',
                     "    </answer>"]
    return head + ["  </question>", ""]


def export(bank: Bank, words: dict) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>", "<!-- question: 0  -->",
             '  <question type="category">', "    <category>",
             f"      <text>{escape(category(bank, words))}</text>", "    </category>", "  </question>", ""]
    for q in bank.questions:
        lines += _question(q, words)
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"
