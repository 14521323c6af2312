"""Bad input fails the build with a message naming the file, the line or field, and the fix."""
from __future__ import annotations

import pytest

MODULE_ES = """---
module: 2
title: "Derechos humanos"
description: "Módulo de prueba sobre la dimensión de derechos humanos."
duration_minutes: 60
audience: [policía]
objectives:
  - "Al terminar, pueden explicar el enfoque de derechos."
  - "Al terminar, pueden aplicar el principio de no punición."
  - "Al terminar, pueden derivar a una persona solicitante de asilo."
---

# Módulo 2. Derechos humanos

## De un vistazo { #at-a-glance }

Texto.

## Plan de sesión { #session-plan }

| Segmento | Minutos | Método | Materiales |
|---|---|---|---|
| Apertura | 20 | Plenario | Proyector |
| Caso | 40 | Grupos | Hojas |

## Contenido { #content }

Texto.

## Actividades { #activities }

Texto.

## Notas para facilitación { #trainer-notes }

!!! trainer-only "Notas para la persona facilitadora"
    Nota.

## Evaluación { #knowledge-check }

1. ¿Pregunta?

??? trainer-only "Clave de respuestas"
    1. Respuesta.

## Mensajes clave { #key-messages }

- Mensaje.

## Lecturas { #further-reading }

- Protocolo.
"""

MODULE_EN = (MODULE_ES
             .replace('title: "Derechos humanos"', 'title: "Human rights"')
             .replace("Módulo de prueba sobre la dimensión de derechos humanos.", "A test module about the human rights dimension.")
             .replace("Segmento | Minutos | Método | Materiales", "Segment | Minutes | Method | Materials"))

GOOD = {"es/modules/02-human-rights.md": MODULE_ES, "en/modules/02-human-rights.md": MODULE_EN}


def fails_with(site, *needles):
    result = site.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    for needle in needles:
        assert needle in output, f"expected {needle!r} in the build output:\n{output}"
    return output


def test_good_module_builds(tiny_site):
    result = tiny_site.write(GOOD).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_translation(tiny_site):
    tiny_site.write({"es/modules/02-human-rights.md": MODULE_ES})
    fails_with(tiny_site, "docs/es/modules/02-human-rights.md", "has no translation", "docs/en/modules/02-human-rights.md")


def test_heading_drift_names_both_files_and_first_difference(tiny_site):
    drifted = MODULE_EN.replace("## Contenido { #content }", "## Contenido { #contents }")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": drifted})
    fails_with(tiny_site, "docs/es/modules/02-human-rights.md:", "docs/en/modules/02-human-rights.md:",
               "heading h2 #content", "heading h2 #contents")


def test_heading_level_drift(tiny_site):
    drifted = MODULE_EN.replace("## Activities { #activities }", "### Activities { #activities }")
    drifted = drifted.replace("## Actividades { #activities }", "### Actividades { #activities }")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": drifted})
    fails_with(tiny_site, "heading h2 #activities", "heading h3 #activities")


def test_heading_without_id(tiny_site):
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace("## Lecturas { #further-reading }", "## Further reading")})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md:", "has no explicit id")


def test_broken_link(tiny_site):
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace("- Protocolo.", "- [Module 9](09-missing.md)")})
    fails_with(tiny_site, "modules/02-human-rights.md", "09-missing.md")


def test_broken_anchor(tiny_site):
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": MODULE_EN.replace("- Protocolo.", "- [plan](#no-such-section)")})
    fails_with(tiny_site, "modules/02-human-rights.md", "no-such-section")


def test_malformed_front_matter(tiny_site):
    bad = MODULE_EN.replace('title: "Human rights"', 'title: "Human rights: the basics')
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md:", "front matter is not valid YAML")


def test_module_number_not_an_integer(tiny_site):
    bad = MODULE_EN.replace("module: 2", "module: two")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md:2: front matter 'module' must be an integer 1-8", "got 'two'")


@pytest.mark.parametrize("number", [0, 9])
def test_unknown_module_number(tiny_site, number):
    bad = MODULE_EN.replace("module: 2", f"module: {number}")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md:2: front matter 'module' must be an integer 1-8", f"got {number}")


def test_missing_required_field(tiny_site):
    bad = MODULE_EN.replace("duration_minutes: 60\n", "")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md", "missing 'duration_minutes'")


def test_session_plan_that_does_not_add_up(tiny_site):
    bad = MODULE_EN.replace("| Caso | 40 |", "| Caso | 45 |")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "docs/en/modules/02-human-rights.md", "add up to 65 but duration_minutes is 60")


def test_missing_trainer_only_answer_key(tiny_site):
    bad_es = MODULE_ES.replace('??? trainer-only "Clave de respuestas"\n    1. Respuesta.\n', "")
    bad_en = MODULE_EN.replace('??? trainer-only "Clave de respuestas"\n    1. Respuesta.\n', "")
    tiny_site.write({"es/modules/02-human-rights.md": bad_es, "en/modules/02-human-rights.md": bad_en})
    fails_with(tiny_site, "section #knowledge-check has no trainer-only block")


def test_admonition_drift(tiny_site):
    bad = MODULE_EN.replace('!!! trainer-only "Notas para la persona facilitadora"', '!!! note "Trainer notes"')
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "block !!! trainer-only", "block !!! note")


def test_unknown_field_is_named(tiny_site):
    bad = MODULE_EN.replace("duration_minutes: 60", "duration_minutes: 60\nduraton: 60")
    tiny_site.write({**GOOD, "en/modules/02-human-rights.md": bad})
    fails_with(tiny_site, "front matter field 'duraton' is not known")
