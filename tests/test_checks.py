"""The source checks (`make check`, the build, `python -m curriculum check`), in-process on
tiny fixtures: each rule fails with a message naming the file, the line and the fix."""
from __future__ import annotations

import pytest

from conftest import BOOKLET, MINIMAL, tiny_module

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
    return [str(e) for e in checks.errors(checks.run(tmp_path / "docs", ["es", "en"], tmp_path))]


def test_good_sources_pass(tmp_path):
    assert problems(tmp_path, {}) == []


def test_the_real_sources_pass():
    assert cli.main(["check", "--fast"]) == 0


def test_every_check_is_registered_by_name():
    assert list(checks.REGISTRY) == ["front matter", "parity", "session plans", "module parts", "booklet sources", "pacing",
                                     "guide links", "terminology", "spelling", "language of each paragraph",
                                     "third-party loads", "markdown lint"]
    assert checks.IN_BUILD == {"front matter", "parity", "session plans", "module parts", "booklet sources", "pacing",
                               "guide links", "terminology"}


CASES = {
    "four key messages": ({"module": ("- Quinto mensaje.\n", "")},
                          "docs/es/modules/01-trafficking.md:", "#key-messages has 4 bullet(s): write 5 to 8"),
    "nine key messages": ({"module": ("- Quinto mensaje.\n", "- Quinto mensaje.\n- 6.\n- 7.\n- 8.\n- 9.\n")},
                          "docs/en/modules/01-trafficking.md:", "#key-messages has 9 bullet(s)"),
    "seven questions": ({"module": ("8. ¿Pregunta?\n", "")}, "docs/es/modules/01-trafficking.md:",
                        "#knowledge-check has 7 question(s) before its answer key: write at least 8"),
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
