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
