"""Bad input fails the build with a message naming the file, the line or field, and the fix."""
from __future__ import annotations

import pytest

from conftest import tiny_module

MODULE_ES = tiny_module(2, "es", "Derechos humanos")
MODULE_EN = tiny_module(2, "en", "Human rights")

GOOD = {"es/modules/02-human-rights.md": MODULE_ES, "en/modules/02-human-rights.md": MODULE_EN}


def test_good_module_builds(tiny_site):
    result = tiny_site.write(GOOD).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_translation(tiny_site):
    tiny_site.write({"es/modules/02-human-rights.md": MODULE_ES})
    tiny_site.fails_with("docs/es/modules/02-human-rights.md", "has no translation", "docs/en/modules/02-human-rights.md")


def test_heading_drift_names_both_files_and_first_difference(tiny_site):
    drifted = MODULE_EN.replace("## Contenido { #content }", "## Contenido { #contents }")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": drifted})
    tiny_site.fails_with("docs/es/modules/02-human-rights.md:", "docs/en/modules/02-human-rights.md:",
               "heading h2 #content", "heading h2 #contents")


def test_heading_level_drift(tiny_site):
    drifted = MODULE_EN.replace("## Activities { #activities }", "### Activities { #activities }")
    drifted = drifted.replace("## Actividades { #activities }", "### Actividades { #activities }")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": drifted})
    tiny_site.fails_with("heading h2 #activities", "heading h3 #activities")


EN = "docs/en/modules/02-human-rights.md"

# One broken English page at a time: (what to replace, with what, what the build must say).
BROKEN_EN = {
    "heading without id": ("## Lecturas { #further-reading }", "## Further reading", [f"{EN}:", "has no explicit id"]),
    "broken link": ("- Protocolo.", "- [Module 9](09-missing.md)", ["modules/02-human-rights.md", "09-missing.md"]),
    "broken anchor": ("- Protocolo.", "- [plan](#no-such-section)", ["modules/02-human-rights.md", "no-such-section"]),
    "malformed front matter": ('title: "Human rights"', 'title: "Human rights: the basics', [f"{EN}:", "front matter is not valid YAML"]),
    "module not an integer": ("module: 2", "module: two", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 'two'"]),
    "module number 0": ("module: 2", "module: 0", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 0"]),
    "module number 9": ("module: 2", "module: 9", [f"{EN}:2: front matter 'module' must be an integer 1-8", "got 9"]),
    "missing required field": ("duration_minutes: 60\n", "", [EN, "missing 'duration_minutes'"]),
    "unknown field": ("duration_minutes: 60", "duration_minutes: 60\nduraton: 60", ["front matter field 'duraton' is not known"]),
    "session plan does not add up": ("| Caso | 40 |", "| Caso | 45 |", [EN, "add up to 65 but duration_minutes is 60"]),
    "admonition drift": ('!!! trainer-only "Notas para la persona facilitadora"', '!!! note "Trainer notes"', ["block !!! trainer-only", "block !!! note"]),
}


@pytest.mark.parametrize("case", BROKEN_EN)
def test_broken_english_page_fails_clearly(tiny_site, case):
    old, new, needles = BROKEN_EN[case]
    assert old in MODULE_EN
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace(old, new)})
    tiny_site.fails_with(*needles)


def test_missing_trainer_only_answer_key(tiny_site):
    bad_es = MODULE_ES.replace('??? trainer-only "Clave de respuestas"\n    1. Respuesta.\n', "")
    bad_en = MODULE_EN.replace('??? trainer-only "Clave de respuestas"\n    1. Respuesta.\n', "")
    tiny_site.write({"es/modules/02-human-rights.md": bad_es, "en/modules/02-human-rights.md": bad_en})
    tiny_site.fails_with("section #knowledge-check has no trainer-only block")
