"""The classroom and self-study kit (issue 17): question banks, the self-check on the module
pages, pre- and post-tests, the Moodle XML and GIFT exports and the results template.

In-process tests read the real banks (every module, both languages); the PDFs, the exported files
and the self-check are read back from the real site built once (conftest.built_site)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, REPO, tiny_bank, tiny_module, write_banks, show_self_check

from curriculum import checks
from curriculum.indexes import labels
from curriculum.kit import gift, moodle, prepost, questions, results

LANGS = ("en", "es")
MODULES = range(1, 9)
PREFIX = {"es": "", "en": "en/"}
REAL = [(lang, n) for lang in LANGS for n in MODULES]


def bank(lang, n):
    b = questions.load(REPO, lang, n)
    assert b is not None, f"questions/{lang}/module-{n:02d}.yml does not load"
    return b


# --- The bank's rules, on a tiny project ---------------------------------------------------------

MODULE = {lang: tiny_module(1, lang, "Trata y tráfico" if lang == "es" else "Trafficking and smuggling") for lang in LANGS}


def problems(tmp_path, banks: dict[str, str] | None = None) -> str:
    files = {**MINIMAL, **{f"{lang}/modules/01-trafficking.md": MODULE[lang] for lang in LANGS}}
    for rel, text in files.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    for lang, text in (banks or {}).items():
        (tmp_path / "questions" / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / "questions" / lang / "module-01.yml").write_text(text, encoding="utf-8")
    write_banks(tmp_path, files)
    return "\n".join(str(e) for e in checks.errors(checks.run(tmp_path / "docs", ["es", "en"], tmp_path)))


def changed(lang: str, change) -> str:
    doc = yaml.safe_load(tiny_bank(1, lang))
    change(doc["questions"])
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def test_a_good_bank_passes(tmp_path):
    assert problems(tmp_path) == ""


def test_a_question_without_a_correct_answer_is_rejected_naming_the_file_and_the_question(tmp_path):
    def no_correct(qs):
        for o in qs[0]["options"]:
            o.pop("correct", None)
    found = problems(tmp_path, {lang: changed(lang, no_correct) for lang in LANGS})
    assert re.search(r"questions/es/module-01\.yml:\d+: question 1 \(q01\): no option is marked correct: mark exactly one with 'correct: true'", found), found
    assert "questions/en/module-01.yml" in found


def test_two_correct_options_are_rejected(tmp_path):
    def two(qs):
        qs[0]["options"][0]["correct"] = True
    found = problems(tmp_path, {lang: changed(lang, two) for lang in LANGS})
    assert "question 1 (q01): 2 options are marked correct" in found, found


def test_a_question_without_an_explanation_is_rejected_naming_the_file(tmp_path):
    def no_explanation(qs):
        del qs[2]["explanation"]
    found = problems(tmp_path, {"en": changed("en", no_explanation)})
    assert re.search(r"questions/en/module-01\.yml:\d+: question 3 \(q03\): 'explanation' is missing", found), found
    assert "questions/es/module-01.yml" not in found


def test_a_missing_citation_an_open_question_and_a_link_are_rejected(tmp_path):
    def bad(qs):
        qs[0]["citation"] = ""
        qs[1]["type"] = "open"
        qs[2]["stem"] = "See [the Protocol](https://example.org)."
    found = problems(tmp_path, {"en": changed("en", bad)})
    for needle in ("question 1 (q01): 'citation' is missing", "question 2 (q02): 'type' is 'open': use 'choice' or 'true-false'",
                   "question 3 (q03): 'stem' has a list or a link"):
        assert needle in found, found


def test_the_two_languages_must_have_the_same_shape(tmp_path):
    def moved(qs):
        qs[0]["options"][1].pop("correct")
        qs[0]["options"][2]["correct"] = True
    found = problems(tmp_path, {"en": changed("en", moved)})
    assert "questions/es/module-01.yml" in found and "question 1 (q01) differs from questions/en/module-01.yml in right answer" in found, found


def test_counts(tmp_path):
    found = problems(tmp_path, {lang: tiny_bank(1, lang, questions=15, in_check=11) for lang in LANGS})
    assert "has 15 questions: write at least 16, an even number" in found, found
    assert "has 11 questions with 'in_check: true': mark 8 to 10" in found, found


def test_a_module_without_a_bank(tmp_path):
    problems(tmp_path)
    (tmp_path / "questions" / "en" / "module-01.yml").unlink()
    found = "\n".join(str(e) for e in checks.errors(checks.run(tmp_path / "docs", ["es", "en"], tmp_path)))
    assert "questions/en/module-01.yml: module 1 has no question bank in 'en'" in found, found


def test_every_real_bank_loads():
    for lang, n in REAL:
        assert bank(lang, n).in_check


# --- Forms A and B --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,n", REAL)
def test_forms_a_and_b_have_the_same_number_of_questions_and_none_in_both(lang, n):
    b = bank(lang, n)
    split = prepost.split(b)
    a, bb = [q.id for q in split["A"]], [q.id for q in split["B"]]
    assert len(a) == len(bb) and a and not set(a) & set(bb)
    assert len(a) + len(bb) >= len(b.questions) - 1  # only an odd placeholder bank leaves one out
    for objective in {q.objective for q in b.questions}:  # balanced by objective
        count = [sum(q.objective == objective for q in split[f]) for f in "AB"]
        assert abs(count[0] - count[1]) <= 1, (objective, count)
    assert prepost.split(b) == split  # deterministic


def test_the_split_of_a_full_bank_uses_every_question(tmp_path):
    path = tmp_path / "questions" / "en" / "module-01.yml"
    path.parent.mkdir(parents=True)
    path.write_text(tiny_bank(1, "en"), encoding="utf-8")
    split = prepost.split(questions.load(tmp_path, "en", 1))
    assert len(split["A"]) == len(split["B"]) == 8


# --- Moodle XML and GIFT --------------------------------------------------------------------------

# The element structure of Moodle's own fixtures (moodle/moodle, question/format/xml/tests/fixtures/
# multichoice.xml, truefalse.xml and export_category.xml; embedded <file> images left out): the
# children of each <question>, in order, and of each <answer>.
MOODLE_MULTICHOICE = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "single",
                      "shuffleanswers", "answernumbering", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"]
MOODLE_TRUEFALSE = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"]
MOODLE_ANSWER = ["text", "feedback"]


def moodle_tree(lang, n) -> ET.Element:
    return ET.fromstring(moodle.export(bank(lang, n), labels()[lang]).encode("utf-8"))


@pytest.mark.parametrize("lang,n", REAL)
def test_moodle_xml_parses_and_every_question_has_exactly_one_correct_answer(lang, n):
    root = moodle_tree(lang, n)
    assert root.tag == "quiz"
    first, *qs = root.findall("question")
    assert first.get("type") == "category"
    assert first.findtext("category/text") == ("$course$/Curriculum/Module " if lang == "en" else "$course$/Currículo/Módulo ") + str(n)
    b = bank(lang, n)
    assert [q.findtext("name/text") for q in qs] == [q.id for q in b.questions]
    for q, source in zip(qs, b.questions):
        answers = q.findall("answer")
        fractions = [a.get("fraction") for a in answers]
        assert fractions.count("100") == 1 and all(f in ("0", "100") for f in fractions), (source.id, fractions)
        assert fractions.index("100") == source.correct
        assert all(a.findtext("feedback/text") for a in answers)  # per-answer feedback, always
        assert source.explanation.split()[0].strip("*_") in q.findtext("generalfeedback/text")
        if q.get("type") == "multichoice":
            assert q.findtext("single") == "true" and len(answers) == len(source.options)
        else:
            assert q.get("type") == "truefalse" and [a.findtext("text") for a in answers] == ["true", "false"]


@pytest.mark.parametrize("lang,n", REAL)
def test_moodle_xml_has_the_structure_of_moodles_own_fixtures(lang, n):
    for q in moodle_tree(lang, n).findall("question")[1:]:
        children = [c.tag for c in q]
        if q.get("type") == "multichoice":
            assert children[:len(MOODLE_MULTICHOICE)] == MOODLE_MULTICHOICE
            assert set(children[len(MOODLE_MULTICHOICE):]) == {"answer"}
            assert all(a.get("format") == "html" for a in q.findall("answer"))
        else:
            assert children == MOODLE_TRUEFALSE + ["answer", "answer"]
            assert all(a.get("format") == "moodle_auto_format" for a in q.findall("answer"))
        for a in q.findall("answer"):
            assert [c.tag for c in a] == MOODLE_ANSWER and a.find("feedback").get("format") == "html"
        assert q.find("questiontext").get("format") == "html" and q.find("generalfeedback").get("format") == "html"
        assert q.findtext("defaultgrade") == "1.0000000" and q.findtext("hidden") == "0"


# GIFT as Moodle's exporter writes it (question/format/gift/tests/giftformat_test.php,
# test_export_multichoice and test_export_truefalse): the expected outputs, verbatim.
MOODLE_GIFT_MULTICHOICE = ("// question: 666  name: Q8\n::Q8::What's between orange and green in the spectrum?{\n"
                           "\t=yellow#right; good!\n\t~red#[html]wrong, it's yellow\n\t~[plain]blue#wrong, it's yellow\n}\n\n")
MOODLE_GIFT_TRUEFALSE = ("// question: 666  name: Q1\n::Q1::42 is the Absolute Answer to everything."
                         "{TRUE#[html]42 is the Ultimate Answer.#You gave the right answer.}\n\n")
UNESCAPED = r"(?<!\\)[~=#{}:]"


def gift_questions(text: str) -> list[dict]:
    """A small reader for the GIFT subset we write (and Moodle's exporter writes): per question its
    name, text, kind and answers, checking that no reserved character is left unescaped in them."""
    out = []
    for block in re.split(r"\n\n+", text.strip()):
        lines = [l for l in block.split("\n") if not l.startswith("//") and not l.startswith("$CATEGORY:")]
        if not lines:
            continue
        m = re.match(r"^::((?:\\.|[^:\\])+)::(.*?)\{(.*)$", lines[0], re.S)
        assert m, block
        q = {"name": m.group(1), "text": m.group(2), "answers": []}
        assert not re.search(UNESCAPED, q["name"] + q["text"]), q
        if m.group(3):  # true-false on one line: {TRUE#wrong#right####general}
            body = re.match(r"^(TRUE|FALSE|T|F)((?:#(?:\\.|[^#\\}])*){0,2})(####.*)?\}$", m.group(3))
            assert body, lines[0]
            q.update(kind="truefalse", answer=body.group(1).startswith("T"))
        else:
            q["kind"] = "multichoice"
            assert lines[-1] == "}"
            for line in lines[1:-1]:
                if line.startswith("\t####"):
                    continue
                am = re.match(r"^\t([=~])((?:\\.|[^#\\])*)#(.*)$", line)
                assert am, line
                assert not re.search(UNESCAPED, am.group(2) + am.group(3)), line
                q["answers"].append(am.group(1))
        out.append(q)
    return out


def test_the_gift_reader_reads_moodles_own_expected_exports():
    mc, tf = gift_questions(MOODLE_GIFT_MULTICHOICE)[0], gift_questions(MOODLE_GIFT_TRUEFALSE)[0]
    assert mc["kind"] == "multichoice" and mc["answers"] == ["=", "~", "~"]
    assert tf["kind"] == "truefalse" and tf["answer"] is True


@pytest.mark.parametrize("lang,n", REAL)
def test_gift_has_the_category_one_correct_answer_per_choice_and_moodles_layout(lang, n):
    b = bank(lang, n)
    text = gift.export(b, labels()[lang])
    assert f"$CATEGORY: $course$/{'Curriculum/Module' if lang == 'en' else 'Currículo/Módulo'} {n}\n" in text
    qs = gift_questions(text)
    assert [q["name"] for q in qs] == [q.id for q in b.questions]
    for q, source in zip(qs, b.questions):
        if source.type == "choice":
            assert q["kind"] == "multichoice" and q["answers"].count("=") == 1 and q["answers"].index("=") == source.correct
        else:
            assert q["kind"] == "truefalse" and q["answer"] is source.answer


def test_gift_escapes_the_reserved_characters():
    assert gift.escape("a~b=c#d{e}f:g\\h\nI") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nI"


# --- The results template -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_results_template_computes_each_participants_and_the_groups_gain(lang, tmp_path):
    from pycel import ExcelCompiler

    words = labels()[lang]
    path = tmp_path / "results.xlsx"
    path.write_bytes(results.workbook([bank(lang, n) for n in MODULES], words))
    xl = ExcelCompiler(filename=str(path))
    sheet = words["kc_category"].format(n=1)
    n = xl.evaluate(f"'{sheet}'!B2")
    assert n == len(prepost.split(bank(lang, 1))["A"]) and n >= 2
    g = results.FIRST + results.ROWS + 1  # the group's rows
    cells = ["F6", "G6", "F7", "G7", "F8", *(f"B{g + i}" for i in range(5))]
    for c in cells:
        xl.evaluate(f"'{sheet}'!{c}")  # into pycel's cell map
    xl.set_value(f"'{sheet}'!C6", 0)
    xl.set_value(f"'{sheet}'!E6", n)
    xl.set_value(f"'{sheet}'!C7", 1)
    xl.set_value(f"'{sheet}'!E7", 1)
    v = {c: xl.evaluate(f"'{sheet}'!{c}") for c in cells}
    assert v["F6"] == n and v["G6"] == 1 and v["F7"] == 0 and v["G7"] == 0 and v["F8"] == ""
    assert v[f"B{g}"] == 2 and v[f"B{g + 1}"] == 0.5 and v[f"B{g + 2}"] == (n + 1) / 2 and v[f"B{g + 3}"] == n / 2
    assert v[f"B{g + 4}"] == pytest.approx((n / 2) / (n - 0.5))


# --- The built site: PDFs, downloads, the page's knowledge check -----------------------------------

def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("lang", LANGS)
def test_every_module_has_its_downloads_in_the_built_site(built_site, lang):
    out = built_site[0] / PREFIX[lang] / "kit"
    for n in MODULES:
        for part in ("form-a", "form-b", "key"):
            for paper in ("letter", "a4"):
                assert (out / "tests" / f"module-{n:02d}-{part}-{paper}.pdf").is_file()
        ET.parse(out / "moodle" / f"module-{n:02d}.xml")
        assert gift_questions((out / "gift" / f"module-{n:02d}-gift.txt").read_text(encoding="utf-8"))
    assert (out / "results-template.xlsx").read_bytes().startswith(b"PK")
    page = (out / "tests" / "index.html").read_text(encoding="utf-8")
    for n in MODULES:
        assert f'href="module-{n:02d}-form-a-letter.pdf"' in page and f'href="../moodle/module-{n:02d}.xml"' in page
    assert re.search(r"\d+\xa0KB", page) or re.search(r"\d+&nbsp;KB", page)
    assert 'href="../results-template.xlsx"' in page


SIZES = {"letter": (612, 792), "a4": (595.28, 841.89)}


@pytest.mark.parametrize("lang,n", REAL)
def test_the_pdfs_read_back_with_their_questions_paper_and_tags(built_site, lang, n):
    from pypdf import PdfReader

    from curriculum.kit.render import plain

    out = built_site[0] / PREFIX[lang] / "kit" / "tests"
    split = prepost.split(bank(lang, n))
    for paper, (w, h) in SIZES.items():
        for form in "AB":
            reader = PdfReader(out / f"module-{n:02d}-form-{form.lower()}-{paper}.pdf")
            box = reader.pages[0].mediabox
            assert abs(float(box.width) - w) < 1 and abs(float(box.height) - h) < 1, (paper, box)
            assert "/StructTreeRoot" in reader.trailer["/Root"] and str(reader.trailer["/Root"]["/Lang"]) == lang
            assert reader.metadata.title.endswith(f" {form}")
            text = norm(" ".join(p.extract_text() for p in reader.pages))
            for q in split[form]:
                assert norm(plain(q.stem))[:40] in text, (form, q.id)
            other = "B" if form == "A" else "A"
            assert not any(norm(plain(q.stem)) in text for q in split[other] if len(q.stem) > 40)
        key = PdfReader(out / f"module-{n:02d}-key-{paper}.pdf")
        assert "/StructTreeRoot" in key.trailer["/Root"]


def test_the_module_page_has_the_questions_and_the_answer_key_from_the_bank(built_site):
    for lang in LANGS:
        html = (built_site[0] / PREFIX[lang] / "modules" / "01-trafficking-and-smuggling" / "index.html").read_text(encoding="utf-8")
        section = html[html.index('id="knowledge-check"'):html.index('id="key-messages"')]
        b = bank(lang, 1)
        assert section.count("<li>") >= 2 * len(b.in_check)
        key = labels()[lang]["kc_answer_key"]
        assert f'<details class="trainer-only">\n<summary>{key}</summary>' in section
        assert 'class="kc-data"' in section


# --- The self-check, in headless Chromium -----------------------------------------------------------

MODULE_URL = "en/modules/01-trafficking-and-smuggling/"


def answer(page, index: int, option: int):
    q = page.locator(".kc-q").nth(index)
    q.locator("input[type=radio]").nth(option).check()
    q.locator(".kc-q__check").click()
    return q


def test_the_self_check_gives_feedback_and_the_score_and_remembers_the_answers(page, served_site):
    b = bank("en", 1)
    page.goto(served_site + MODULE_URL)
    page.wait_for_load_state("load")
    assert page.locator(".kc-self").count() == 0  # not built at load, far below the first screen
    show_self_check(page)
    qs = page.locator(".kc-self .kc-q")
    assert qs.count() == len(b.in_check)
    assert not page.locator(".kc-static > ol").first.is_visible()  # the printed list gives way on screen
    first = b.in_check[0]
    q = answer(page, 0, first.correct)
    fb = q.locator(".kc-q__feedback")
    assert fb.get_attribute("aria-live") == "polite"
    assert fb.inner_text().startswith("Right.") and "Source:" in fb.inner_text()
    second = b.in_check[1]
    q = answer(page, 1, (second.correct + 1) % (len(second.options) or 2))
    assert "Not quite. The right answer is:" in q.locator(".kc-q__feedback").inner_text()
    q.locator(".kc-q__check").click()  # now "Next question": focus moves to the next unanswered question
    assert page.evaluate("document.activeElement.name") == page.locator(".kc-q").nth(2).locator("input").first.get_attribute("name")
    for i, item in enumerate(b.in_check[2:], start=2):
        answer(page, i, item.correct)
    last = page.locator(".kc-q").nth(len(b.in_check) - 1)
    last.locator(".kc-q__check").click()  # "See your score"
    score = page.locator(".kc-self__score")
    assert score.inner_text() == f"Your score: {len(b.in_check) - 1} of {len(b.in_check)} answers right."
    assert page.evaluate("document.activeElement.className") == "kc-self__score"
    page.reload()  # kept on the device
    show_self_check(page)
    assert page.locator(".kc-self__score").inner_text() == f"Your score: {len(b.in_check) - 1} of {len(b.in_check)} answers right."
    assert page.locator(".kc-q input:checked").count() == len(b.in_check)
    stored = page.evaluate("localStorage.getItem('curriculum.self-check.en.module-1')")
    assert stored and '"' + first.id + '":' + str(first.correct) in stored
    page.locator(".kc-self__restart").click()
    assert page.locator(".kc-q input:checked").count() == 0 and page.evaluate("localStorage.getItem('curriculum.self-check.en.module-1')") is None


def test_the_self_check_works_from_an_offline_copy_opened_as_a_file(page, built_site):
    path = built_site[0] / MODULE_URL / "index.html"
    page.goto(path.as_uri())
    show_self_check(page)
    assert page.locator(".kc-self .kc-q").count() == len(bank("en", 1).in_check)
    q = answer(page, 0, bank("en", 1).in_check[0].correct)
    assert q.locator(".kc-q__feedback").inner_text().startswith("Right.")


def test_the_participant_view_hides_the_key_and_keeps_the_self_check(page, served_site):
    page.goto(served_site + MODULE_URL + "?view=participant")
    show_self_check(page)
    assert page.locator(".kc-self").is_visible()
    key = page.locator("#knowledge-check ~ .kc-static .trainer-only")
    assert key.count() == 1 and not key.is_visible()
    page.goto(served_site + MODULE_URL + "?view=trainer")
    show_self_check(page)
    assert page.locator(".kc-static .trainer-only").is_visible() and page.locator(".kc-self").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".kc-self").is_visible() and page.locator(".kc-static > ol").first.is_visible()


def test_without_javascript_the_list_and_the_key_stay(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + MODULE_URL)
        assert page.locator(".kc-static > ol").first.is_visible() and page.locator(".kc-self").count() == 0
        assert page.locator(".kc-static .trainer-only").is_visible()
        assert page.locator(".participant-toggle").count() == 1 and not page.locator(".participant-toggle").is_visible()  # does nothing without JavaScript
    finally:
        context.close()


@pytest.mark.parametrize("path", [MODULE_URL, "modules/01-trafficking-and-smuggling/?view=participant", "en/kit/tests/", "kit/tests/"])
def test_axe_finds_nothing_on_the_self_check_and_the_kit_page(page, served_site, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    if "modules/" in path:
        show_self_check(page)
        answer(page, 0, 0)
        answer(page, 1, 1)
    results_ = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    violations = results_.response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
