"""The check gate's rules, each on a tiny input that breaks it and one that keeps it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from curriculum import (html_validity, markdown_lint, pacing, page_language, site_check, spelling,
                        terminology, third_party, translation)
from curriculum.source import parse_text

ENGLISH = ("Participants often confuse the two crimes at first. Ask them to work element by element: "
           "the act, the means and the purpose for trafficking, and the procurement of illegal entry "
           "for a financial or other material benefit for smuggling. Then ask which facts are still "
           "missing, and who could find them out before anyone decides what happened to the person.")
SPANISH = ("Las personas participantes suelen confundir los dos delitos al principio. Pídales que "
           "trabajen elemento por elemento: la acción, el medio y el fin en la trata de personas, y "
           "la facilitación de la entrada ilegal con un beneficio económico u otro beneficio de orden "
           "material en el tráfico ilícito de migrantes. Luego pregunte qué hechos faltan todavía.")


def page(body: str, front: str = "title: T\ndescription: Una página de prueba para las reglas.\n"):
    return parse_text(f"---\n{front}---\n\n# Título\n\n{body}\n", Path("docs/es/x.md"))


# Terminology -------------------------------------------------------------------------------

def test_terminology_names_the_line_and_the_form_to_use():
    rules = terminology.load_rules()
    p = page("Primera línea.\n\nEl tráfico de personas es un delito.\n")
    [error] = terminology.check(p, "docs/es/x.md", "es", "module", rules)
    assert error.line == 10 and "trata de personas" in error.message and "data/glossary.yml" in error.message


@pytest.mark.parametrize("text", ['Nunca escriba "tráfico de personas".', "La trata de personas y el tráfico ilícito de migrantes."])
def test_terminology_leaves_quoted_and_correct_forms_alone(text):
    assert terminology.check(page(text), "x.md", "es", "module", terminology.load_rules()) == []


@pytest.mark.parametrize("text,wrong", [
    ("Según la UNTOC, art. 5.", "UNTOC"),
    ("El Protocolo contra la trata define el delito.", "Protocolo contra la trata"),
    ("Véase el art. 3.b del Protocolo.", "art. 3.b"),
    ("Véase el art. 3 b) del Protocolo.", "art. 3 b)"),
    ("Lo detuvo el traficante.", "traficante"),
    ("Eran migrantes ilegales.", "migrantes ilegales"),
])
def test_terminology_catches_each_listed_form(text, wrong):
    [error] = terminology.check(page(text), "x.md", "es", "module", terminology.load_rules())
    assert f"'{wrong}'" in error.message


def test_terminology_rule_limited_to_a_page_kind():
    rules = terminology.load_rules()
    p = page("Ustedes deben derivar a la persona.")
    assert terminology.check(p, "x.md", "es", "module", rules) == []
    assert len(terminology.check(p, "x.md", "es", "booklet", rules)) == 1


def test_a_bad_terminology_entry_is_named():
    with pytest.raises(ValueError, match="terminology.yml: es entry 1: 'pattern' is not a valid regular expression"):
        terminology.rules_from({"es": [{"pattern": "tráfico (", "use": "x"}]}, [])
    with pytest.raises(ValueError, match="es entry 1: each entry needs 'pattern'"):
        terminology.rules_from({"es": [{"pattern": "x"}]}, [])


def test_glossary_avoid_forms_are_rules_with_the_glossary_term():
    glossary = [{"id": "crime-scene", "es": {"term": "lugar de los hechos"}, "avoid": {"es": ["escena del crimen"]}}]
    rules = terminology.rules_from({}, glossary)
    [error] = terminology.check(page("Aseguren la escena del crimen."), "x.md", "es", "module", rules)
    assert "lugar de los hechos" in error.message and "glossary" in error.message


# Spelling ----------------------------------------------------------------------------------

def test_two_misspelled_spanish_words_are_reported_with_their_lines():
    p = page(SPANISH + "\n\nLa proteccion de la victma es lo primero.\n")
    errors = spelling.spanish([(p, "docs/es/x.md")])
    assert {e.message.split("'")[1] for e in errors} == {"proteccion", "victma"}
    assert all(e.line == 10 and e.path == "docs/es/x.md" for e in errors)


def test_correct_spanish_and_project_words_pass():
    assert spelling.spanish([(page(SPANISH + "\n\nUse el papelógrafo y el rotafolio."), "x.md")]) == []


def test_english_misspelling_is_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# Title\n\nThe victim recieved help.\n", encoding="utf-8")
    [error] = spelling.english([(None, "docs/a.md")], tmp_path)
    assert error.path == "docs/a.md" and error.line == 3 and "'recieved'" in error.message and "received" in error.message


# Language ----------------------------------------------------------------------------------

def test_an_english_paragraph_in_a_spanish_page_is_flagged():
    p = page(SPANISH + "\n\n" + ENGLISH + "\n")
    [error] = page_language.check(p, "docs/es/x.md", "es", ["en"])
    assert error.line == 10 and "'en'" in error.message


def test_a_spanish_paragraph_in_an_english_page_is_flagged_and_short_quotes_are_not():
    p = page(ENGLISH + "\n\n" + SPANISH + "\n\nThe word “trata” means trafficking.\n")
    [error] = page_language.check(p, "docs/en/x.md", "en", ["es"])
    assert error.line == 10


# Third-party loads -------------------------------------------------------------------------

def test_a_third_party_script_in_a_page_is_reported(tmp_path):
    md = tmp_path / "docs" / "es" / "x.md"
    md.parent.mkdir(parents=True)
    md.write_text('# T\n\nTexto.\n\n<script src="https://cdn.example.com/lib.js"></script>\n'
                  '[Enlace externo](https://www.unodc.org/) y <link rel="canonical" href="https://a.org/">\n', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    [error] = third_party.check(tmp_path)
    assert error.path == "docs/es/x.md" and error.line == 5 and "cdn.example.com" in error.message


@pytest.mark.parametrize("line", ['![foto](https://example.com/a.png)', "@import url('https://fonts.example.com/css');",
                                  '<iframe src="//video.example.com/embed/1"></iframe>'])
def test_remote_images_styles_and_frames_are_reported(tmp_path, line):
    f = tmp_path / "docs" / "a.md"
    f.parent.mkdir()
    f.write_text(line + "\n", encoding="utf-8")
    assert len(third_party.check_file(f, tmp_path)) == 1


# Built site --------------------------------------------------------------------------------

def _site(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_text('<html lang="es"><body><h2 id="mandate">M</h2></body></html>', encoding="utf-8")
    (site / "index.html").write_text(f'<!doctype html><html lang="es"><head><title>x</title></head><body>{body}</body></html>', encoding="utf-8")
    return site


def test_built_site_links_anchors_and_remote_loads(tmp_path):
    site = _site(tmp_path, '<a href="about/#mandate">ok</a><a href="about/#gone">a</a><a href="nope/">b</a>'
                           '<script src="https://cdn.example.com/x.js"></script><a href="https://www.unodc.org/">ext</a>')
    errors = site_check.check(site, "https://example.org/", tmp_path, ["es", "en"])
    messages = " | ".join(e.message for e in errors)
    assert len(errors) == 3, messages
    assert "#gone" in messages and "/nope/" in messages and "cdn.example.com" in messages


@pytest.mark.skipif(shutil.which("java") is None, reason="needs java; scripts/install-system-deps.sh installs it")
def test_invalid_html_is_reported_and_material_quirks_are_not(tmp_path):
    site = _site(tmp_path, '<label for="__toc" tabindex="">t</label><input type="checkbox" id="__toc" hidden>'
                           '<p><div>block in a paragraph</div></p>')
    errors = html_validity.check(site, tmp_path, ["es", "en"])
    assert errors and all("index.html" in e.path for e in errors)
    assert not any("tabindex" in e.message for e in errors)


# Markdown lint -----------------------------------------------------------------------------

def test_markdown_lint_reports_rule_and_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# T\n\n## A\n## B\n\nText.\n", encoding="utf-8")
    errors = markdown_lint.check(tmp_path)
    assert errors and errors[0].path == "docs/a.md" and errors[0].message.startswith("MD022")


# Pacing ------------------------------------------------------------------------------------

PLAN = """## Plan {{ #session-plan }}

| Segment | Minutes | Method | Materials |
|---|---|---|---|
| Opening and introductions | {opening} | Round | |
| Presentation 1: the law | {talk} | Short talk | |
| Break | 15 | | |
| Activity: interview | {play} | Role-play in threes | |
| Knowledge check | {kc} | Quiz | |
| Key messages and {closing} | 10 | Plenary | |

## Knowledge check {{ #knowledge-check }}

Answer in eight minutes.
"""


def plan(**kw):
    values = dict(opening=15, talk=25, play=20, kc=8, closing="written evaluation")
    values.update(kw)
    return parse_text("---\ntitle: M\n---\n\n# M\n\n" + PLAN.format(**values), Path("m.md"))


def test_a_plan_that_keeps_the_pacing_rules_passes():
    assert pacing.check(plan(), "m.md", pacing.load_rules(), questions=4) == []


@pytest.mark.parametrize("change,phrase", [
    (dict(opening=10), "opening"), (dict(talk=30), "split it"), (dict(play=15), "role-play"),
    (dict(kc=6), "4 questions"), (dict(closing="close"), "written evaluation"),
])
def test_each_pacing_rule_fails_alone(change, phrase):
    [error] = pacing.check(plan(**change), "m.md", pacing.load_rules(), questions=4)
    assert phrase in error.message and error.line


# Translation state -------------------------------------------------------------------------

def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path):
    for lang in ("es", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "a.md").write_text("---\ntitle: A\n---\n\n# A\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    _git(tmp_path, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "start")
    _git(tmp_path, "branch", "base")
    return tmp_path


def _commit(repo, message, *extra):
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qam", message, *extra)


def test_a_page_changed_alone_fails_unless_marked(repo):
    with open(repo / "docs" / "en" / "a.md", "a", encoding="utf-8") as f:
        f.write("\nNew paragraph.\n")
    _commit(repo, "English only")
    [error] = translation.unpaired_changes(repo, "base", ["es", "en"])
    assert error.path == "docs/en/a.md" and "docs/es/a.md" in error.message and "Translation-not-needed" in error.message
    with open(repo / "docs" / "en" / "a.md", "a", encoding="utf-8") as f:
        f.write("\nTypo fixed.\n")
    _commit(repo, "Fix a typo", "-m", "Translation-not-needed: typo")
    assert translation.unpaired_changes(repo, "base", ["es", "en"]) == []


def test_staleness_report_and_record_command(repo):
    from curriculum.source import parse

    es = "docs/es/a.md"
    translation.record(repo, es, ["es", "en"])
    _commit(repo, "record")
    assert translation.lags(repo, {es: parse(repo / es).meta}, ["es", "en"]) == []
    with open(repo / "docs" / "en" / "a.md", "a", encoding="utf-8") as f:
        f.write("\nA new step.\n")
    _commit(repo, "English changed")
    [lag] = translation.lags(repo, {es: parse(repo / es).meta}, ["es", "en"])
    assert lag.page == es and "git diff" in lag.describe()
    translation.record(repo, es, ["es", "en"])
    _commit(repo, "Spanish translated")
    assert translation.lags(repo, {es: parse(repo / es).meta}, ["es", "en"]) == []
