"""`make check` (python -m curriculum check) fails on each change a reviewer would miss, with a
message naming the file: each change applied to a tiny project that passes the gate as written."""
from __future__ import annotations

import subprocess

import pytest

from conftest import BOOKLET, MINIMAL, tiny_module

from curriculum import cli

ENGLISH_PARAGRAPH = (
    "Participants often confuse the two crimes at first, and the confusion has a cost for the people "
    "involved. Ask them to work element by element: the act, the means and the purpose for trafficking, "
    "and the procurement of illegal entry for a financial or other material benefit for smuggling. Then "
    "ask which facts are still missing and who could find them out before anyone decides anything.")

SOURCES = {
    **MINIMAL,
    **{f"{lang}/modules/01-trafficking.md": tiny_module(1, lang, "Trata y tráfico") for lang in ("es", "en")},
    **{f"{lang}/modules/02-rights.md": tiny_module(2, lang, "Derechos humanos") for lang in ("es", "en")},
    **{f"{lang}/booklets/01-trafficking.md": BOOKLET[lang] for lang in ("es", "en")},
}


def git(root, *args):
    subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def project(tiny_site, monkeypatch):
    """A tiny project under git that passes the whole gate, as the CLI's repository."""
    tiny_site.write(SOURCES)
    monkeypatch.setattr(cli, "ROOT", tiny_site.root)
    monkeypatch.delenv("CHECK_BASE", raising=False)
    git(tiny_site.root, "init", "-q")
    git(tiny_site.root, "add", ".")
    git(tiny_site.root, "commit", "-qm", "start")
    return tiny_site


def gate(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["check", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def edit(site, rel: str, old: str, new: str):
    path = site.root / "docs" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_tiny_project_passes_the_whole_gate(project, capsys):
    code, out = gate(capsys)
    assert code == 0, out
    assert "strict build" in out and "HTML validity" in out and "spelling" in out


SOURCE_CASES = {
    "a deleted Spanish module page": (
        lambda s: (s.root / "docs/es/modules/02-rights.md").unlink(),
        "docs/en/modules/02-rights.md: has no translation: create docs/es/modules/02-rights.md"),
    "the first ## heading removed from a Spanish module": (
        lambda s: edit(s, "es/modules/02-rights.md", "## De un vistazo { #at-a-glance }\n", ""),
        "docs/es/modules/02-rights.md: module is missing the part(s) #at-a-glance"),
    "module: 2 changed to module: two": (
        lambda s: edit(s, "es/modules/02-rights.md", "module: 2", "module: two"), "docs/es/modules/02-rights.md:2"),
    "a third-party script in a page": (
        lambda s: edit(s, "en/index.md", "Text.", 'Text.\n\n<script src="https://cdn.example.com/x.js"></script>'),
        "docs/en/index.md:12: loads https://cdn.example.com/x.js from another host"),
    "an English paragraph pasted into a Spanish module": (
        lambda s: edit(s, "es/modules/01-trafficking.md", "Texto del contenido.", ENGLISH_PARAGRAPH),
        "this paragraph reads as 'en', not 'es'"),
    "two misspelled Spanish words in a module": (
        lambda s: edit(s, "es/modules/01-trafficking.md", "Texto del contenido.", "La proteccion de la victma."),
        "'proteccion' is not in the Spanish dictionary"),
    "'tráfico de personas' in a Spanish page": (
        lambda s: edit(s, "es/index.md", "Texto.", "El tráfico de personas."), "docs/es/index.md:10: 'tráfico de personas'"),
    "two modules with the same number": (
        lambda s: edit(s, "es/modules/02-rights.md", "module: 2", "module: 1"), "module 1 is also"),
    "a booklet source whose image is missing": (
        lambda s: edit(s, "es/booklets/01-trafficking.md", "**Trata.**", "![Mapa](mapa.png)\n\n**Trata.**"),
        "docs/es/booklets/01-trafficking.md:11: image 'mapa.png' does not exist"),
}


@pytest.mark.parametrize("case", SOURCE_CASES)
def test_the_fast_gate_fails_naming_the_file(project, capsys, case):
    change, needle = SOURCE_CASES[case]
    change(project)
    code, out = gate(capsys, "--fast")
    assert code == 1, out
    assert needle in out, out


def test_two_misspelled_words_are_both_named(project, capsys):
    edit(project, "es/modules/01-trafficking.md", "Texto del contenido.", "La proteccion de la victma.")
    code, out = gate(capsys, "--fast")
    assert code == 1 and "'victma'" in out and "docs/es/modules/01-trafficking.md:" in out, out


def test_a_link_to_a_missing_page_fails_the_strict_build(project, capsys):
    edit(project, "en/modules/01-trafficking.md", "Texto del contenido.", "See [module 9](09-missing.md).")
    code, out = gate(capsys)
    assert code == 1, out
    assert "strict build" in out and "09-missing.md" in out and "modules/01-trafficking.md" in out, out


def test_an_english_page_changed_alone_fails_unless_marked(project, capsys, monkeypatch):
    git(project.root, "branch", "base")
    edit(project, "en/index.md", "Text.", "Text, with a new sentence.")
    git(project.root, "commit", "-qam", "English only")
    monkeypatch.setenv("CHECK_BASE", "base")
    code, out = gate(capsys, "--fast")
    assert code == 1 and "docs/en/index.md: changed without docs/es/index.md" in out, out
    edit(project, "en/index.md", "new sentence", "newer sentence")
    git(project.root, "commit", "-qam", "Reword", "-m", "Translation-not-needed: wording only")
    code, out = gate(capsys, "--fast")
    assert code == 0, out


def test_the_summary_lists_every_check_with_its_time(project, capsys):
    code, out = gate(capsys, "--fast")
    assert code == 0, out
    for name in ("front matter", "parity", "pacing", "terminology", "spelling", "language of each paragraph",
                 "third-party loads", "markdown lint"):
        line = next((row for row in out.splitlines() if row.startswith(name)), "")
        assert line.split()[-1].replace(".", "").isdigit(), (name, out)
