"""The source checks (`make check`, the build, `python -m curriculum check`), in-process on
tiny fixtures: each rule fails with a message naming the file, the line and the fix."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BOOKLET, MINIMAL, tiny_module, write_banks

from curriculum import checks, cli

MODULE = {"es": tiny_module(1, "es", "Trata y tráfico"), "en": tiny_module(1, "en", "Trafficking and smuggling")}
GOOD = {**MINIMAL, **{f"{lang}/modules/01-trafficking.md": MODULE[lang] for lang in MODULE},
        **{f"{lang}/booklets/01-trafficking.md": BOOKLET[lang] for lang in BOOKLET}}


def problems(tmp_path, files: dict[str, str], **changes: tuple[str, str]) -> list[str]:
    """Check a tiny docs tree: GOOD, plus `files`, with (old, new) replaced in both languages'
    page named by a key of `changes` ('module' or 'booklet')."""
    files = {**GOOD, **files}
    for which, (old, new) in changes.items():
        for lang in ("es", "en"):
            rel = f"{lang}/{which}s/01-trafficking.md"
            assert old in files[rel], (rel, old)
            files[rel] = files[rel].replace(old, new)
    for rel, text in files.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    write_banks(tmp_path, files)
    return [str(e) for e in checks.errors(checks.run(tmp_path / "docs", ["es", "en"], tmp_path))]


def test_good_sources_pass(tmp_path):
    assert problems(tmp_path, {}) == []


def test_the_real_sources_pass():
    assert cli.main(["check", "--fast"]) == 0


def test_every_check_is_registered_by_name():
    assert list(checks.REGISTRY) == ["front matter", "parity", "session plans", "module parts", "booklet sources", "kit slides", "posters", "question banks", "video scripts", "pacing",
                                     "guide links", "terminology", "spelling", "language of each paragraph",
                                     "third-party loads", "markdown lint"]
    assert checks.IN_BUILD == {"front matter", "parity", "session plans", "module parts", "booklet sources", "kit slides", "posters", "question banks", "video scripts", "pacing",
                               "guide links", "terminology"}


CASES = {
    "four key messages": ({"module": ("- Quinto mensaje.\n", "")},
                          "docs/es/modules/01-trafficking.md:", "#key-messages has 4 bullet(s): write 5 to 8"),
    "nine key messages": ({"module": ("- Quinto mensaje.\n", "- Quinto mensaje.\n- 6.\n- 7.\n- 8.\n- 9.\n")},
                          "docs/en/modules/01-trafficking.md:", "#key-messages has 9 bullet(s)"),
    "questions left in the page": ({"module": ("Respondan en diez minutos.\n", "Respondan en diez minutos.\n\n1. ¿Pregunta?\n")},
                                   "docs/es/modules/01-trafficking.md:", "#knowledge-check has questions in the page: they come from questions/<lang>/module-01.yml"),
    "one judgment": ({"module": ("### Caso B { #case-b }", "Texto.\n\n#### Caso B { #case-b }")},
                     "docs/es/modules/01-trafficking.md:", "#case-law has 1 judgment(s): write at least 2"),
    "no case law": ({"module": ("{ #case-law }", "{ #other }")},
                    "docs/es/modules/01-trafficking.md", "missing the part(s) #case-law"),
    "judgment without its paragraphs": ({"module": ("** 2.", " 2.")},
                                        "docs/es/modules/01-trafficking.md:", "judgment #case-b lacks **Párrafos citados:**"),
    "booklet part missing": ({"booklet": ("## Nunca { #never }", "## Nunca { #not-ever }")},
                             "docs/es/booklets/01-trafficking.md", "#key-definitions, #indicators, #what-to-do, #never"),
    "no checklist": ({"booklet": ("- [ ] Otra persona", "- Otra persona")}, "docs/es/booklets/01-trafficking.md:", "has no checklist"),
    "three columns": ({"booklet": ("| Institución | Contacto |\n|---|---|\n| Fiscalía | |", "| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |")},
                      "docs/es/booklets/01-trafficking.md:", "a table of 3 columns does not fit a pocket page"),
    "long paragraph": ({"booklet": ("**Trata.** Acción + medio + fin.", "Uno.\nDos.\nTres.\nCuatro.")},
                       "docs/es/booklets/01-trafficking.md:", "a paragraph of 4 lines"),
    "missing image": ({"booklet": ("**Trata.**", "![Mapa](mapa.png)\n\n**Trata.**")},
                      "docs/es/booklets/01-trafficking.md:", "image 'mapa.png' does not exist", "add the file or fix the path"),
    "missing image in the key messages": ({"module": ("- Quinto mensaje.", "- Quinto ![x](x.png) mensaje.")},
                                          "docs/es/modules/01-trafficking.md:", "image 'x.png' does not exist"),
    "trainer-only block": ({"booklet": ("## Indicadores", '!!! trainer-only "Notas"\n    Solo para quien facilita.\n\n## Indicadores')},
                           "docs/es/booklets/01-trafficking.md:", "move this trainer-only block to the module page"),
}


@pytest.mark.parametrize("case", CASES)
def test_rule_fails_clearly(tmp_path, case):
    changes, *needles = CASES[case]
    found = "\n".join(problems(tmp_path, {}, **changes))
    for needle in needles:
        assert needle in found, found


def test_two_modules_with_the_same_number(tmp_path):
    second = {f"{lang}/modules/01-another.md": MODULE[lang] for lang in MODULE}
    found = "\n".join(problems(tmp_path, second))
    assert "docs/es/modules/01-trafficking.md:2: module 1 is also docs/es/modules/01-another.md" in found, found


@pytest.mark.parametrize("text,bad", [("La trata de personas.", False), ("El tráfico de personas.", True),
                                      ("Nunca diga «tráfico de personas».", False), ("Migrantes objeto de tráfico.", True),
                                      ("Migrantes objeto de\ntráfico ilícito.", False)])
def test_spanish_terminology(tmp_path, text, bad):
    page = MINIMAL["es/index.md"].replace("Texto.", text)
    found = [p for p in problems(tmp_path, {"es/index.md": page}) if "trata de personas" in p or "tráfico ilícito" in p]
    assert bool(found) == bad, found
    if bad:
        assert found[0].startswith("docs/es/index.md:1")


# --- Protocols' booklets: docs/<lang>/booklets/<slug>.md with `protocol: <slug>` ---------------------

PROTOCOL = {lang: f"""---
kind: protocol
title: "{title}"
description: "{description}"
audience: [border officers]
review_date: 2027-12-31
---

# {title}

## {scope} {{ #purpose-and-scope }}

{text}

## {related} {{ #related-modules }}

- [{module} 1](../modules/01-trafficking.md)
""" for lang, title, description, scope, text, related, module in (
    ("es", "Protocolo de primer contacto", "Protocolo de prueba para el primer contacto en la frontera.", "Propósito", "Texto del protocolo.",
     "Módulos relacionados", "Módulo"),
    ("en", "First contact protocol", "A test protocol for the first contact at the border, short.", "Purpose", "Protocol text.",
     "Related modules", "Module"))}
PROTOCOL_BOOKLET = {lang: BOOKLET[lang].replace("booklet: 1", "protocol: first-contact") for lang in BOOKLET}
WITH_PROTOCOL = {**{f"{lang}/guides/first-contact.md": PROTOCOL[lang] for lang in PROTOCOL},
                 **{f"{lang}/booklets/first-contact.md": PROTOCOL_BOOKLET[lang] for lang in PROTOCOL_BOOKLET}}


def test_a_protocol_with_its_booklet_passes(tmp_path):
    assert problems(tmp_path, WITH_PROTOCOL) == []


def test_protocol_booklet_for_an_unknown_protocol(tmp_path):
    files = {**WITH_PROTOCOL, "es/booklets/first-contact.md": PROTOCOL_BOOKLET["es"].replace("protocol: first-contact", "protocol: first-kontact")}
    found = "\n".join(problems(tmp_path, files))
    assert ("docs/es/booklets/first-contact.md:2: front matter 'protocol' is 'first-kontact', but there is no docs/es/guides/first-kontact.md: "
            "use the file name of a protocol page (protocols: first-contact)") in found, found


def test_protocol_booklet_for_a_page_that_is_not_a_protocol(tmp_path):
    files = {**WITH_PROTOCOL, **{f"{lang}/guides/first-contact.md": PROTOCOL[lang].replace("kind: protocol", "kind: guide") for lang in PROTOCOL}}
    found = "\n".join(problems(tmp_path, files))
    assert ("docs/en/booklets/first-contact.md:2: front matter 'protocol' is 'first-contact', but docs/en/guides/first-contact.md is kind: guide, "
            "not a protocol: only protocols get pocket booklets; set 'kind: protocol' there") in found, found


def test_protocol_booklet_named_unlike_its_protocol(tmp_path):
    files = {**{k: v for k, v in WITH_PROTOCOL.items() if "booklets" not in k},
             **{f"{lang}/booklets/first-contact-pocket.md": PROTOCOL_BOOKLET[lang] for lang in PROTOCOL_BOOKLET}}
    found = "\n".join(problems(tmp_path, files))
    assert ("docs/es/booklets/first-contact-pocket.md:2: front matter 'protocol' is 'first-contact' but the file is named first-contact-pocket.md: "
            "rename it docs/es/booklets/first-contact.md") in found, found


def test_protocol_page_without_a_booklet(tmp_path):
    files = {k: v for k, v in WITH_PROTOCOL.items() if "booklets" not in k}
    found = "\n".join(problems(tmp_path, files))
    for lang in ("es", "en"):
        assert (f"docs/{lang}/guides/first-contact.md:2: a protocol page gets a pocket booklet, but there is no docs/{lang}/booklets/first-contact.md: "
                "add it with front matter 'protocol: first-contact'") in found, found


@pytest.mark.parametrize("change,needle", [
    (("## Nunca { #never }", "## Nunca { #not-ever }"), "a protocol's booklet has the parts #key-definitions, #what-to-do, #never"),
    (("- [ ] Otra persona", "- Otra persona"), "a protocol's booklet has no checklist"),
    (("## Indicadores", '!!! trainer-only "Notas"\n    Solo para quien facilita.\n\n## Indicadores'), "move this trainer-only block"),
    (("**Trata.** Acción + medio + fin.", "Uno.\nDos.\nTres.\nCuatro."), "a paragraph of 4 lines"),
    (("| Institución | Contacto |\n|---|---|\n| Fiscalía | |", "| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |"), "a table of 3 columns"),
    (("protocol: first-contact", "protocol: first-contact\nbooklet: 1"), "front matter of a booklet page needs exactly one of 'booklet', 'protocol'"),
])
def test_protocol_booklet_keeps_the_pocket_rules(tmp_path, change, needle):
    files = {**WITH_PROTOCOL, "es/booklets/first-contact.md": PROTOCOL_BOOKLET["es"].replace(*change)}
    assert change[0] in PROTOCOL_BOOKLET["es"]
    found = "\n".join(problems(tmp_path, files))
    assert "docs/es/booklets/first-contact.md" in found and needle in found, found


# --- Posters: posters/<lang>/<id>.yml against data/poster-schema.yml ---------------------------------

REPO_POSTERS = Path(__file__).resolve().parents[1] / "posters"


def poster_problems(tmp_path, edit=None, drop: str | None = None) -> list[str]:
    """The real poster sources copied into a tiny project, one of them edited or one file dropped."""
    for src in REPO_POSTERS.glob("*/*.yml"):
        rel = src.relative_to(REPO_POSTERS).as_posix()
        if rel == drop:
            continue
        text = src.read_text(encoding="utf-8")
        if edit and rel == edit[0]:
            assert edit[1] in text, (rel, edit[1])
            text = text.replace(edit[1], edit[2])
        (tmp_path / "posters" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "posters" / rel).write_text(text, encoding="utf-8")
    return problems(tmp_path, {})


def test_the_real_posters_pass(tmp_path):
    assert poster_problems(tmp_path) == []


@pytest.mark.parametrize("edit,needle", [
    (("en/job-offer.yml", 'headline: "Check the offer before you leave"\n', ""),
     "posters/en/job-offer.yml:1: poster field 'headline' is missing: add 'headline:'"),
    (("es/know-the-signs.yml", "design: calm", "design: loud"),
     "posters/es/know-the-signs.yml:3: poster field 'design' must be 'bold' (a strong colour band) or 'calm' (light), got 'loud'"),
    (("en/know-the-signs.yml", "points:\n", "points:\n  - \"A sixth point, one too many.\"\n"),
     "posters/en/know-the-signs.yml:7: poster field 'points' must be a list of 4-5 points, each 10-100 characters, got 6 points"),
    (("es/job-offer.yml", "id: job-offer", "id: job-offers"), "posters/es/job-offer.yml:2: poster field 'id' is 'job-offers' but the file is job-offer.yml"),
    (("en/job-offer.yml", "title:", "subtitle: x\ntitle:"), "posters/en/job-offer.yml:4: poster field 'subtitle' is not known"),
])
def test_broken_poster_names_the_file_and_field(tmp_path, edit, needle):
    found = "\n".join(poster_problems(tmp_path, edit))
    assert needle in found, found


def test_poster_missing_in_one_language(tmp_path):
    found = "\n".join(poster_problems(tmp_path, drop="en/know-the-signs.yml"))
    assert "posters/es/know-the-signs.yml:2: poster 'know-the-signs' has no posters/en/know-the-signs.yml" in found, found


def test_poster_design_differs_between_languages(tmp_path):
    found = "\n".join(poster_problems(tmp_path, ("en/job-offer.yml", "design: bold", "design: calm")))
    assert "posters/en/job-offer.yml:3: poster field 'design' is 'calm' here but 'bold' in posters/es/job-offer.yml" in found, found


# --- The command line ------------------------------------------------------------------------------

@pytest.fixture
def project(tiny_site, monkeypatch):
    """A tiny project as the CLI's repository, its sources good but for one drifted English page."""
    tiny_site.write(GOOD)
    monkeypatch.setattr(cli, "ROOT", tiny_site.root)
    drifted = MODULE["en"].replace("## Activities { #activities }", "## Activities { #exercises }")
    drifted = drifted.replace("## Actividades { #activities }", "## Actividades { #exercises }")
    tiny_site.write({"en/modules/01-trafficking.md": drifted})
    return tiny_site.root


@pytest.mark.parametrize("path", ["docs/en/modules/01-trafficking.md", "docs/es/modules/01-trafficking.md", "docs/en", "docs/en/", "docs"])
def test_cli_reports_problems_in_or_about_a_file_or_folder(project, capsys, path):
    assert cli.main(["check", "--fast", str(project / path)]) == 1
    err = capsys.readouterr().err
    assert "docs/es/modules/01-trafficking.md:" in err and "docs/en/modules/01-trafficking.md:" in err, err


def test_cli_leaves_out_problems_elsewhere(project, capsys):
    assert cli.main(["check", "--fast", str(project / "docs" / "en" / "index.md")]) == 0
    assert "sources OK" in capsys.readouterr().out


@pytest.mark.parametrize("path", ["/", "../outside.md"])
def test_cli_path_outside_the_repository_is_an_error_not_a_traceback(project, capsys, path):
    assert cli.main(["check", path]) == 2
    assert "is outside the repository" in capsys.readouterr().err
