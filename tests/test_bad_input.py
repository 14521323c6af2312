"""Bad input fails with a message naming the file, the line or field, and the fix: the source
checks in-process on a tiny docs tree, and the build itself for what only MkDocs checks."""
from __future__ import annotations

import pytest

from conftest import MINIMAL, tiny_module, write_banks

from curriculum import checks

MODULE_ES = tiny_module(2, "es", "Derechos humanos")
MODULE_EN = tiny_module(2, "en", "Human rights")

GOOD = {"es/modules/02-human-rights.md": MODULE_ES, "en/modules/02-human-rights.md": MODULE_EN}


def problems(tmp_path, files: dict[str, str]) -> str:
    for rel, text in {**MINIMAL, **files}.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    write_banks(tmp_path, files)
    return "\n".join(str(e) for e in checks.errors(checks.run(tmp_path / "docs", ["es", "en"], tmp_path)))


def test_good_module_builds(tiny_site):
    result = tiny_site.write(GOOD).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_source_problem_stops_the_build(tiny_site):
    tiny_site.write({"es/modules/02-human-rights.md": MODULE_ES})
    tiny_site.fails_with("docs/es/modules/02-human-rights.md", "has no translation", "docs/en/modules/02-human-rights.md")


def test_heading_drift_names_both_files_and_first_difference(tmp_path):
    drifted = MODULE_EN.replace("## Contenido { #content }", "## Contenido { #contents }")
    found = problems(tmp_path, {**GOOD, "en/modules/02-human-rights.md": drifted})
    for needle in ("docs/es/modules/02-human-rights.md:", "docs/en/modules/02-human-rights.md:", "heading h2 #content", "heading h2 #contents"):
        assert needle in found, found


def test_heading_level_drift(tmp_path):
    drifted = MODULE_EN.replace("## Activities { #activities }", "### Activities { #activities }")
    drifted = drifted.replace("## Actividades { #activities }", "### Actividades { #activities }")
    found = problems(tmp_path, {**GOOD, "en/modules/02-human-rights.md": drifted})
    assert "heading h2 #activities" in found and "heading h3 #activities" in found, found


EN = "docs/en/modules/02-human-rights.md"

# One broken English page at a time: (what to replace, with what, what the checks must say).
BROKEN_EN = {
    "heading without id": ("## Lecturas { #further-reading }", "## Further reading", [f"{EN}:", "has no explicit id"]),
    "malformed front matter": ('title: "Human rights"', 'title: "Human rights: the basics', [f"{EN}:", "front matter is not valid YAML"]),
    "module not an integer": ("module: 2", "module: two", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 'two'"]),
    "module number 0": ("module: 2", "module: 0", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 0"]),
    "module number 9": ("module: 2", "module: 9", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 9"]),
    "missing required field": ("duration_minutes: 60\n", "", [EN, "missing 'duration_minutes'"]),
    "unknown field": ("duration_minutes: 60", "duration_minutes: 60\nduraton: 60", ["front matter field 'duraton' is not known"]),
    "session plan does not add up": ("| Caso | 30 |", "| Caso | 35 |", [EN, "add up to 65 but duration_minutes is 60"]),
    "admonition drift": ('!!! trainer-only "Notas para la persona facilitadora"', '!!! note "Trainer notes"', ["block !!! trainer-only", "block !!! note"]),
}


@pytest.mark.parametrize("case", BROKEN_EN)
def test_broken_english_page_fails_clearly(tmp_path, case):
    old, new, needles = BROKEN_EN[case]
    assert old in MODULE_EN
    found = problems(tmp_path, {**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace(old, new)})
    for needle in needles:
        assert needle in found, found


# What MkDocs itself validates: the build must fail.
BROKEN_LINKS = {
    "broken link": ("- Protocolo.", "- [Module 9](09-missing.md)", ["modules/02-human-rights.md", "09-missing.md"]),
    "broken anchor": ("- Protocolo.", "- [plan](#no-such-section)", ["modules/02-human-rights.md", "no-such-section"]),
}


@pytest.mark.parametrize("case", BROKEN_LINKS)
def test_broken_link_fails_the_build(tiny_site, case):
    old, new, needles = BROKEN_LINKS[case]
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace(old, new)})
    tiny_site.fails_with(*needles)


def test_missing_trainer_only_notes(tmp_path):
    bad_es = MODULE_ES.replace('!!! trainer-only "Notas para la persona facilitadora"\n    Nota.\n', "Nota.\n")
    bad_en = MODULE_EN.replace('!!! trainer-only "Notas para la persona facilitadora"\n    Nota.\n', "Nota.\n")
    found = problems(tmp_path, {"es/modules/02-human-rights.md": bad_es, "en/modules/02-human-rights.md": bad_en})
    assert "section #trainer-notes has no trainer-only block" in found, found
