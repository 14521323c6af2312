"""Question banks: questions/<lang>/module-NN.yml, the one source of a module's knowledge-check
questions (format: CONTRIBUTING.md, "Question banks"). Loaded here and checked here; the page,
the self-check, the pre- and post-tests and the Moodle and GIFT exports all read them through load().

The check (registered as "question banks" in curriculum/checks.py) names the file, the question
and the fix for each problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import SourceError, relative
from ..yaml_load import safe_load

TYPES = ("choice", "true-false")
ID = re.compile(r"^[a-z0-9-]+$")
BLOCK_MARKDOWN = re.compile(r"^\s*([-*+]|\d+\.)\s", re.M)
LINK = re.compile(r"\]\(|<a\s|https?://")
# How many: at least MIN_QUESTIONS, an even number, IN_CHECK of them in the module page's check,
# at least PER_OBJECTIVE per objective of the module's front matter.
MIN_QUESTIONS = 16
IN_CHECK = (8, 10)
PER_OBJECTIVE = 2
OPTIONS = (3, 5)


@dataclass
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass
class Question:
    id: str
    objective: int
    in_check: bool
    type: str  # choice | true-false
    stem: str
    explanation: str
    citation: str
    options: list[Option] = field(default_factory=list)  # choice only
    answer: bool | None = None  # true-false only
    line: int | None = None  # of its `- id:` in the file

    @property
    def correct(self) -> int:
        """The position of the right answer: the correct option, or 0 for true and 1 for false
        (the order in which true-false answers are shown: true, false)."""
        if self.type == "true-false":
            return 0 if self.answer else 1
        return next(i for i, o in enumerate(self.options) if o.correct)


@dataclass
class Bank:
    path: Path
    lang: str
    module: int
    questions: list[Question]
    placeholder: bool = False  # a stand-in made from a page's old knowledge check: the "how many" rules wait

    @property
    def in_check(self) -> list[Question]:
        return [q for q in self.questions if q.in_check]


class BankError(Exception):
    pass


def folder(root: Path) -> Path:
    return Path(root) / "questions"


def path_of(root: Path, lang: str, number: int) -> Path:
    return folder(root) / lang / f"module-{number:02d}.yml"


def _text(value) -> str:
    return "" if value is None else str(value).strip()


_read_cache: dict = {}


def read(path: Path, lang: str) -> tuple[Bank | None, list[SourceError], dict]:
    """The bank in one file and the problems of each question, without the rules across files.
    Read once per version of the file: the build asks for each bank from several places (the page,
    the booklet, the trainer notes, the downloads, the check), and `mkdocs serve` again on every
    rebuild."""
    try:
        stat = path.stat()
        key = (str(path), lang, stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _read(path, lang)
    if key not in _read_cache:
        if len(_read_cache) > 256:  # old versions of files edited under `mkdocs serve`
            _read_cache.clear()
        _read_cache[key] = _read(path, lang)
    return _read_cache[key]


def _read(path: Path, lang: str) -> tuple[Bank | None, list[SourceError], dict]:
    rel = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        doc = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [SourceError(rel, mark.line + 1 if mark else None, f"is not valid YAML ({getattr(exc, 'problem', exc)}): check the indentation and quote text that contains ': ' or starts with a quote")], {}
    lines = text.split("\n")
    errors: list[SourceError] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("questions"), list) or not isinstance(doc.get("module"), int):
        return None, [SourceError(rel, 1, "needs 'module: N' (the module number) and a 'questions:' list (see CONTRIBUTING.md, \"Question banks\")")], {}
    unknown = set(doc) - {"module", "questions", "placeholder"}
    if unknown:
        errors.append(SourceError(rel, 1, f"unknown field(s) {', '.join(sorted(unknown))}: a bank has 'module' and 'questions' only"))
    expected = re.match(r"module-(\d+)\.yml$", path.name)
    if expected and int(expected.group(1)) != doc["module"]:
        errors.append(SourceError(rel, 1, f"says module {doc['module']} but the file is {path.name}: make them agree"))
    questions: list[Question] = []
    seen: set[str] = set()
    for i, raw in enumerate(doc["questions"], 1):
        if not isinstance(raw, dict):
            errors.append(SourceError(rel, None, f"question {i} is not a mapping of fields: start it with '- id: …'"))
            continue
        qid = _text(raw.get("id"))
        line = next((n for n, l in enumerate(lines, 1) if re.match(rf"^\s*-?\s*id:\s*['\"]?{re.escape(qid)}['\"]?\s*(#.*)?$", l)), None) if qid else None
        where = f"question {i} ({qid or 'no id'})"

        def err(message):
            errors.append(SourceError(rel, line, f"{where}: {message}"))
        if not ID.match(qid):
            err("'id' must be lower-case letters, digits and hyphens, the same in both languages, e.g. 'elements-adult'")
        elif qid in seen:
            err(f"the id '{qid}' is used twice in this file: give each question its own id")
        seen.add(qid)
        unknown = set(raw) - {"id", "objective", "in_check", "type", "stem", "options", "answer", "explanation", "citation"}
        if unknown:
            err(f"unknown field(s) {', '.join(sorted(unknown))}: check the spelling (see CONTRIBUTING.md, \"Question banks\")")
        objective = raw.get("objective")
        if not isinstance(objective, int) or isinstance(objective, bool) or objective < 1:
            err("'objective' must be the number (1, 2, …) of the module objective the question tests")
            objective = 0
        in_check = raw.get("in_check")
        if not isinstance(in_check, bool):
            err("'in_check' must be true (in the module page's knowledge check) or false (tests and exports only)")
            in_check = False
        for name in ("stem", "explanation", "citation"):
            if not _text(raw.get(name)):
                fix = {"stem": "write the question", "explanation": "say in 1-3 sentences why the right answer is right",
                       "citation": "name the instrument and article, e.g. 'Trafficking Protocol, art. 3(a)'"}[name]
                err(f"'{name}' is missing: {fix}")
        for name in ("stem", "explanation"):
            value = _text(raw.get(name))
            if BLOCK_MARKDOWN.search(value) or LINK.search(value):
                err(f"'{name}' has a list or a link: use inline Markdown only (italics, bold)")
        qtype = raw.get("type")
        options: list[Option] = []
        answer = None
        if qtype == "choice":
            raw_options = raw.get("options")
            if not isinstance(raw_options, list):
                raw_options = []
            if not OPTIONS[0] <= len(raw_options) <= OPTIONS[1]:
                err(f"a choice question needs {OPTIONS[0]} to {OPTIONS[1]} options, it has {len(raw_options)}")
            for o in raw_options:
                o = o if isinstance(o, dict) else {"text": o}
                if set(o) - {"text", "correct", "feedback"}:
                    err(f"an option has unknown field(s) {', '.join(sorted(set(o) - {'text', 'correct', 'feedback'}))}: an option has 'text', 'correct' and 'feedback'")
                if not _text(o.get("text")):
                    err("an option has no text: write it under 'text:'")
                if LINK.search(_text(o.get("text"))):
                    err("an option has a link: use inline Markdown only")
                options.append(Option(_text(o.get("text")), o.get("correct") is True, _text(o.get("feedback"))))
            right = sum(o.correct for o in options)
            if right != 1:
                err(("no option is marked correct" if right == 0 else f"{right} options are marked correct")
                    + ": mark exactly one with 'correct: true'")
            if "answer" in raw:
                err("'answer' is for true-false questions: mark the right option with 'correct: true' instead")
        elif qtype == "true-false":
            answer = raw.get("answer")
            if not isinstance(answer, bool):
                err("a true-false question needs 'answer: true' or 'answer: false'")
                answer = None
            if "options" in raw:
                err("'options' is for choice questions: a true-false question has 'answer' only")
        else:
            err(f"'type' is {qtype!r}: use 'choice' or 'true-false' (every question is closed, so it can be scored)")
        questions.append(Question(qid, objective, in_check, str(qtype), _text(raw.get("stem")), _text(raw.get("explanation")),
                                  _text(raw.get("citation")), options, answer, line))
    return Bank(path, lang, doc["module"], questions, doc.get("placeholder") is True), errors, doc


def load(root: Path, lang: str, number: int) -> Bank | None:
    """A module's bank in one language, or None when the file is missing or unreadable
    (the check reports why)."""
    path = path_of(root, lang, number)
    if not path.is_file():
        return None
    bank, errors, _ = read(path, lang)
    return bank if bank is not None and not errors else None


def shape(q: Question) -> tuple:
    """What must be the same in both languages."""
    return (q.id, q.type, q.objective, q.in_check, len(q.options) if q.type == "choice" else None,
            q.correct if (q.type == "true-false" and q.answer is not None) or sum(o.correct for o in q.options) == 1 else None)


def check(root: Path, langs: list[str], objectives: dict[int, int]) -> list[SourceError]:
    """Every bank of every module page: its own rules, the counts, and the same shape in every
    language. objectives: module number -> number of objectives in its front matter."""
    root = Path(root)
    errors: list[SourceError] = []
    banks: dict[str, dict[int, Bank]] = {lang: {} for lang in langs}
    for lang in langs:
        for number in sorted(objectives):
            path = path_of(root, lang, number)
            rel = relative(path, root)
            if not path.is_file():
                errors.append(SourceError(rel, None, f"module {number} has no question bank in '{lang}': create this file "
                                                     "(format in CONTRIBUTING.md, \"Question banks\")"))
                continue
            bank, errs, _ = read(path, lang)
            errors += [SourceError(rel, e.line, e.message) for e in errs]
            if bank is None:
                continue
            banks[lang][number] = bank
            errors += _counts(bank, rel, objectives[number])
        extra = folder(root) / lang
        for path in sorted(extra.glob("*.yml")) if extra.is_dir() else []:
            m = re.match(r"module-(\d\d)\.yml$", path.name)
            if not m or int(m.group(1)) not in objectives:
                errors.append(SourceError(relative(path, root), None, "is not the bank of a module page: name it module-NN.yml after an existing module, or delete it"))
    default, *others = langs
    for other in others:
        for number in sorted(set(banks[default]) & set(banks[other])):
            a, b = banks[default][number], banks[other][number]
            ra, rb = relative(a.path, root), relative(b.path, root)
            for i, (x, y) in enumerate(zip(a.questions, b.questions), 1):
                if shape(x) != shape(y):
                    what = [name for name, u, v in zip(("id", "type", "objective", "in_check", "number of options", "right answer"), shape(x), shape(y)) if u != v]
                    errors.append(SourceError(ra, x.line, f"question {i} ({x.id}) differs from {rb} in {', '.join(what)}: the banks of both languages have the same ids in the same order, with the same type, objective, in_check, number of options and right answer", (rb,)))
            if len(a.questions) != len(b.questions):
                errors.append(SourceError(ra, None, f"has {len(a.questions)} questions and {rb} has {len(b.questions)}: translate every question", (rb,)))
    return errors


def _counts(bank: Bank, rel: str, objectives: int) -> list[SourceError]:
    errors = [SourceError(rel, q.line, f"question {q.id}: 'objective' is {q.objective} but module {bank.module} has {objectives} objectives: use 1 to {objectives}")
              for q in bank.questions if q.objective > objectives]
    if bank.placeholder:
        return errors
    n = len(bank.questions)
    if n < MIN_QUESTIONS or n % 2:
        errors.append(SourceError(rel, None, f"has {n} questions: write at least {MIN_QUESTIONS}, an even number (forms A and B take half each)"))
    k = len(bank.in_check)
    if not IN_CHECK[0] <= k <= IN_CHECK[1]:
        errors.append(SourceError(rel, None, f"has {k} questions with 'in_check: true': mark {IN_CHECK[0]} to {IN_CHECK[1]} (the session plan gives the check 2 minutes a question)"))
    for o in range(1, objectives + 1):
        count = sum(1 for q in bank.questions if q.objective == o)
        if count < PER_OBJECTIVE:
            errors.append(SourceError(rel, None, f"objective {o} has {count} question(s): write at least {PER_OBJECTIVE} for each objective"))
    return errors
