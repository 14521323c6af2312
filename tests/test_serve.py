"""Under `mkdocs serve`: edits to data/*.yml are watched and read again on the next rebuild."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from conftest import MINIMAL
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


ABOUT = {
    "es/about.md": "---\ntitle: Acerca de\ndescription: Página de prueba del sitio mínimo.\n---\n\n# Acerca de\n\n## Uno { #one }\n\nTexto uno.\n",
    "en/about.md": "---\ntitle: About\ndescription: Test page of the minimal site.\n---\n\n# About\n\n## One { #one }\n\nText one.\n",
}


class Serving:
    """`mkdocs serve --strict` on a tiny site; each `rebuild` edits files and returns the log of the
    rebuild they start."""

    def __init__(self, site):
        import subprocess
        import sys
        import threading

        from conftest import _env, free_port

        self.site, self.port, self.lines = site, free_port(), []
        self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{self.port}"],
                                     cwd=site.root, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: [self.lines.append(line) for line in self.proc.stdout], daemon=True).start()
        self.wait(lambda text: "Serving on" in text)

    def wait(self, done, since: int = 0, timeout: float = 300) -> str:
        import time
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            text = "".join(self.lines[since:])
            if done(text):
                return text
            assert self.proc.poll() is None, "".join(self.lines)
            time.sleep(0.2)
        raise AssertionError("no rebuild:\n" + "".join(self.lines))

    def rebuild(self, files: dict[str, str]) -> str:
        since = len(self.lines)
        self.site.write(files)
        return self.wait(lambda text: "Reloading browsers" in text or "An error happened during the rebuild" in text, since)

    def get(self, path: str) -> str:
        import urllib.request
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}") as response:
            return response.read().decode("utf-8")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)


def test_serve_converts_only_the_edited_page_and_still_checks_every_link(tiny_site):
    """Under serve an unchanged page reuses its last conversion (curriculum/render_cache.py): after
    an edit of one page only that page is converted again, and the site shows the edit; a page
    reused still has its links to another page's anchors checked against that page as it is now;
    a page whose conversion warned is converted again, so --strict keeps reporting it."""
    home = {"es/index.md": MINIMAL["es/index.md"] + "\nVer [uno](about.md#one).\n",
            "en/index.md": MINIMAL["en/index.md"] + "\nSee [one](about.md#one).\n"}
    tiny_site.write({**home, **ABOUT})
    serving = Serving(tiny_site)
    try:
        log = serving.rebuild({"en/about.md": ABOUT["en/about.md"].replace("Text one.", "Text one, edited.")})
        assert "Reloading browsers" in log, log
        assert "Pages converted: 1; unchanged since the last rebuild, reused: 3" in log, log
        assert "Text one, edited." in serving.get("en/about/")
        assert "Text one, edited." in serving.get("en/search/search_index.json")  # indexed again
        assert "Texto uno." in serving.get("search/search_index.json")  # the other language's, kept

        # The home page is reused; the anchor it links to is gone: reported all the same.
        gone = {p: t.replace(" { #one }", " { #two }") for p, t in ABOUT.items()}
        log = serving.rebuild(gone)
        assert "Aborted with" in log and "#one" in log, log

        # A conversion that warned is not kept: still reported after an edit elsewhere.
        broken = {"en/about.md": ABOUT["en/about.md"] + "\nSee [missing](missing.md).\n"}
        log = serving.rebuild({**ABOUT, **broken})
        assert "Aborted with" in log and "missing.md" in log, log
        log = serving.rebuild({"es/about.md": ABOUT["es/about.md"].replace("Texto uno.", "Texto uno, otra vez.")})
        assert "Aborted with" in log and "missing.md" in log, log
    finally:
        serving.stop()


def test_serve_keeps_compiled_templates_but_sees_an_edited_one(tmp_path):
    import jinja2

    from curriculum import serve_memo

    (tmp_path / "t.html").write_text("one {{ x }}", encoding="utf-8")
    env = lambda: serve_memo.templates(jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path)))
    assert env().get_template("t.html").render(x=1) == "one 1"
    stored = dict(serve_memo.TEMPLATES.store)
    assert stored  # compiled once, kept for the next environment
    (tmp_path / "t.html").write_text("two {{ x }}", encoding="utf-8")
    assert env().get_template("t.html").render(x=1) == "two 1"
    assert serve_memo.TEMPLATES.store != stored  # the edited template was compiled again and kept


def test_serve_asks_git_again_after_a_commit(tmp_path):
    """The git plugin's answers are kept while the repository's refs are the same, not after a commit."""
    import subprocess

    from curriculum import serve_memo

    git = lambda *a: subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *a], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    page = tmp_path / "p.md"
    page.write_text("one\n", encoding="utf-8")
    git("add", "p.md")
    git("commit", "-qm", "one")
    calls = []
    ask = serve_memo.remember(lambda self, path, is_first_commit=False: calls.append(path) or ("hash", len(calls)), "commit")
    serve_memo.new_rebuild()
    assert ask(None, path=str(page)) == ask(None, path=str(page)) == ("hash", 1)
    page.write_text("two\n", encoding="utf-8")  # an edit, not committed: the same answer
    serve_memo.new_rebuild()
    assert ask(None, path=str(page)) == ("hash", 1) and len(calls) == 1
    git("commit", "-qam", "two")
    serve_memo.new_rebuild()
    assert ask(None, path=str(page)) == ("hash", 2)


def test_a_source_is_parsed_once_per_text_and_again_after_an_edit(monkeypatch):
    """The checks, plans and pages read the same sources many times per build, and serve again on
    every rebuild: one parse per version of a text."""
    from curriculum import source

    monkeypatch.setattr(source, "_parsed", {})
    text = "---\ntitle: A\n---\n\n# A\n\n## One {#one}\n"
    first = source.parse_text(text, Path("docs/en/a.md"))
    assert source.parse_text(text, Path("docs/en/a.md")) is first
    assert source.parse_text(text, Path("docs/es/a.md")) is not first  # another file: its own line numbers and name
    edited = source.parse_text(text + "\n## Two {#two}\n", Path("docs/en/a.md"))
    assert [h.id for h in edited.headings] == [None, "one", "two"] and [h.id for h in first.headings] == [None, "one"]
    monkeypatch.setattr(source, "MEMO", 2)
    source.parse_text("# B\n", Path("b.md"))
    assert len(source._parsed) == 2 and source.parse_text(text, Path("docs/en/a.md")) is not first  # the oldest went first


def test_a_deck_is_made_again_only_for_the_edited_module(tmp_path):
    """Serve makes every deck on every rebuild: a module page whose text is unchanged keeps its deck."""
    import shutil

    from conftest import REPO
    from curriculum.kit import slide_model

    for lang in ("es", "en"):
        shutil.copytree(REPO / "docs" / lang / "modules", tmp_path / lang / "modules")
    before = slide_model.decks(tmp_path, ["es", "en"], REPO)
    again = slide_model.decks(tmp_path, ["es", "en"], REPO)
    assert len(before) == 16 and all(a is b for a, b in zip(before, again))
    page = next((tmp_path / "en" / "modules").glob("02-*.md"))
    text = page.read_text(encoding="utf-8")
    title = text.split("title:", 1)[1].split("\n", 1)[0].strip()
    page.write_text(text.replace(f"title: {title}", "title: Edited title", 1), encoding="utf-8")
    after = slide_model.decks(tmp_path, ["es", "en"], REPO)
    changed = [(d.module, d.locale) for d, b in zip(after, before) if d is not b]
    assert changed == [(2, "en")]
    assert next(d for d in after if (d.module, d.locale) == (2, "en")).slides[0].title == "Edited title"


def test_question_bank_exports_are_made_again_only_after_a_change(monkeypatch):
    from conftest import REPO
    from curriculum.indexes import labels
    from curriculum.kit import downloads

    monkeypatch.setattr(downloads, "_last", {})
    words = labels()["es"]
    first = downloads.make(REPO, "es", [1, 2], words)
    assert downloads.make(REPO, "es", [1, 2], dict(words)) is first  # the same banks and words
    assert downloads.make(REPO, "es", [1], words) is not first
    other = downloads.make(REPO, "es", [1, 2], {**words, "module": "Unidad"})
    assert other is not first and other.content.keys() == first.content.keys()


def test_serve_lists_the_installed_theme_once_and_our_overrides_every_time(tmp_path, monkeypatch):
    """MkDocs lists the theme's files on every rebuild: Material's folder (thousands of icons) is
    walked once, the overrides folder every time, and the listing is the one Jinja gives."""
    import jinja2
    import material

    from curriculum import serve_memo

    theme = str(Path(material.__file__).parent / "templates")
    original = jinja2.FileSystemLoader.list_templates
    walked = []

    def counted(loader):
        walked.append(tuple(loader.searchpath))
        return original(loader)

    monkeypatch.setattr(serve_memo, "_listed", {})
    listed = serve_memo.listing(counted)
    (tmp_path / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    loader = jinja2.FileSystemLoader([str(tmp_path), theme])
    first = listed(loader)
    assert "main.html" in first and "partials/nav.html" in first and len(first) > 1000
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "extra.html").write_text("x", encoding="utf-8")
    second = listed(loader)
    assert sorted(set(first) | {"partials/extra.html"}) == second
    assert walked.count((theme,)) == 1 and walked.count((str(tmp_path),)) == 2
    assert second == original(loader)  # the same listing as Jinja's own walk of both folders
