"""Under `mkdocs serve`: edits to data/*.yml are watched and read again on the next rebuild."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from curriculum import DATA, data

REPO = Path(__file__).resolve().parents[1]


def hooks():
    spec = importlib.util.spec_from_file_location("hooks_under_test", REPO / "scripts" / "mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Server:
    def __init__(self):
        self.watched = []

    def watch(self, path):
        self.watched.append(Path(path))


def test_serve_watches_the_data_folder():
    server = Server()
    hooks().on_serve(server, None, None)
    assert DATA in server.watched, server.watched


def test_data_is_read_again_after_an_edit(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA", tmp_path)
    path = tmp_path / "labels.yml"
    path.write_text("es: {module: Módulo}\n", encoding="utf-8")
    assert data.load("labels.yml")["es"]["module"] == "Módulo"
    path.write_text("es: {module: Unidad}\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert data.load("labels.yml")["es"]["module"] == "Unidad"


def test_a_question_bank_is_read_once_and_again_after_an_edit(tmp_path):
    """The build asks for each bank from several places and on every rebuild: one read per version."""
    from curriculum.kit import questions
    from conftest import tiny_bank

    path = tmp_path / "module-01.yml"
    path.write_text(tiny_bank(1, "es"), encoding="utf-8")
    first = questions.read(path, "es")
    assert questions.read(path, "es") is first  # the same version: not parsed again
    path.write_text(tiny_bank(1, "es", questions=17), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    again = questions.read(path, "es")
    assert again is not first and len(again[0].questions) == len(first[0].questions) + 1


def test_the_terminology_check_sees_an_edited_page(tmp_path):
    """Unchanged pages are not checked again under `mkdocs serve`; an edited one is."""
    from curriculum import source, terminology

    rules = terminology.load_rules()
    assert terminology.load_rules() is rules  # data files unchanged: the same rules
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: T\n---\n\n# T\n\nLa trata de mujeres es un delito.\n", encoding="utf-8")
    assert terminology.check(source.parse(page), "p.md", "es", "page", rules) == []
    page.write_text("---\ntitle: T\n---\n\n# T\n\nEl tráfico de mujeres es un delito.\n", encoding="utf-8")
    found = terminology.check(source.parse(page), "p.md", "es", "page", rules)
    assert found and "trata de mujeres" in found[0].message
