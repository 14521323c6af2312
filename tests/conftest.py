"""Shared fixtures: tiny bilingual sites in tmp_path, and the real site built and served once."""
from __future__ import annotations

import fcntl
import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


SITE_URL = "http://127.0.0.1:8000/"  # fixed: it enters the booklet cache key


def _then_scripts_ran(method):
    """A page's scripts run after its first paint (curriculum/script_loader.py), possibly after the
    window's load event: every way a test waits for a page waits for them too, as a reader would
    before using the search or a toggle. A page without the loader is ready at once."""
    @functools.wraps(method)
    def wait(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self.wait_for_function("window.curriculumReady !== false", timeout=30_000)
        return result
    return wait


def _patch_playwright() -> None:
    try:
        from playwright.sync_api import Page
    except ImportError:  # the checks without the browser tests
        return
    for name in ("goto", "reload", "go_back", "go_forward", "wait_for_url", "wait_for_load_state"):
        if not getattr(getattr(Page, name), "_waits_for_scripts", False):
            setattr(Page, name, _then_scripts_ran(getattr(Page, name)))
            getattr(Page, name)._waits_for_scripts = True


_patch_playwright()


def _env(site_url: str | None = None, cache: Path | None = None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if cache:
        env["BOOKLET_CACHE"] = str(cache)
    return env


def site_config(**options) -> str:
    """A mkdocs.yml that inherits the real one, with our hooks and overrides by absolute path,
    and `options` on top (MkDocs merges mappings such as extra.booklets key by key)."""
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "hooks": [str(REPO / "scripts" / "mkdocs_hooks.py")],
              "theme": {"custom_dir": str(REPO / "overrides")}, **options}
    # No offline copies (a second build each) unless a test asks for them; the real site has them.
    config["extra"] = {"offline_copies": False, **config.get("extra", {})}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


MINIMAL = {
    "es/index.md": "---\ntitle: Inicio\ndescription: Página de inicio de un sitio de prueba mínimo.\n---\n\n# Inicio\n\n## Protección de la víctima { #victim-protection }\n\nTexto.\n",
    "en/index.md": "---\ntitle: Home\ndescription: Home page of a minimal test site.\n---\n\n# Home\n\n## Victim protection { #victim-protection }\n\nText.\n",
}


_MODULE = """---
module: {number}
title: "{title}"
description: "{description}"
duration_minutes: 60
audience: [policía]
objectives:
  - "Al terminar, pueden explicar el enfoque de derechos."
  - "Al terminar, pueden aplicar el principio de no punición."
  - "Al terminar, pueden derivar a una persona solicitante de asilo."
---

# {title}

## De un vistazo {{ #at-a-glance }}

Texto.

## Plan de sesión {{ #session-plan }}

| {plan_header} |
|---|---|---|---|
| Apertura y presentaciones | 20 | Plenario | Proyector |
| Caso | 30 | Grupos | Hojas |
| Cierre y evaluación | 10 | Individual | Formulario |

## Contenido {{ #content }}

Texto del contenido.

{case_law}
## Actividades {{ #activities }}

Texto.

### Caso {{ #case }}

**Formato:** grupos de cinco, 30 minutos.

## Notas para facilitación {{ #trainer-notes }}

!!! trainer-only "Notas para la persona facilitadora"
    Nota.

## Evaluación {{ #knowledge-check }}

Respondan en diez minutos.

## Mensajes clave {{ #key-messages }}

- {key_message}
- Segundo mensaje.
- Tercer mensaje.
- Cuarto mensaje.
- Quinto mensaje.

## Lecturas {{ #further-reading }}

- Protocolo.
"""

def tiny_bank(number: int, lang: str, objectives: int = 3, questions: int = 16, in_check: int = 8) -> str:
    """A question bank (questions/<lang>/module-NN.yml) that passes every rule: the shared fixture
    for banks. Choice and true-false questions alternate; objectives take turns."""
    words = {"es": ("Pregunta", "Opción", "Explicación de la respuesta.", "Protocolo contra la trata de personas, art. 3"),
             "en": ("Question", "Option", "Why the answer is right.", "Trafficking Protocol, art. 3")}[lang]
    items = []
    for i in range(1, questions + 1):
        q = {"id": f"q{i:02d}", "objective": (i - 1) % objectives + 1, "in_check": i <= in_check}
        if i % 2:
            q.update(type="choice", stem=f"{words[0]} {i} *{lang}*?",
                     options=[{"text": f"{words[1]} {c}", **({"correct": True} if c == "b" else {})} for c in "abcd"])
        else:
            q.update(type="true-false", stem=f"{words[0]} {i} {lang}.", answer=i % 4 == 0)
        q.update(explanation=words[2], citation=words[3])
        items.append(q)
    return yaml.safe_dump({"module": number, "questions": items}, allow_unicode=True, sort_keys=False)


def write_banks(root: Path, files: dict[str, str]) -> None:
    """A bank for each module page among `files` (docs-relative paths) that has none yet."""
    for rel in files:
        m = re.match(r"^(\w+)/modules/(\d\d)-[^/]+\.md$", rel)
        bank = root / "questions" / m.group(1) / f"module-{m.group(2)}.yml" if m else None
        if bank and not bank.exists():
            bank.parent.mkdir(parents=True, exist_ok=True)
            bank.write_text(tiny_bank(int(m.group(2)), m.group(1)), encoding="utf-8")


PLAN_HEADER = {"es": "Segmento | Minutos | Método | Materiales", "en": "Segment | Minutes | Method | Materials"}

# Two judgments with every fact label, per language (data/module-parts.yml, case_law).
CASE_LAW = {lang: "\n\n".join([f"## {title} {{ #case-law }}"] + [
    f"### {case} {{ #{anchor} }}\n\n" + "\n".join(f"- **{label}** {value}" for label, value in zip(labels, facts))
    for case, anchor, facts in (("Caso A", "case-a", ("Corte.", "2010.", "No. 1.", "1.")),
                                ("Caso B", "case-b", ("Corte.", "2018.", "No. 2.", "2.")))]) + "\n"
    for lang, title, labels in (("es", "Jurisprudencia", ("Tribunal:", "Fecha:", "Referencia:", "Párrafos citados:")),
                                ("en", "Case law", ("Court:", "Date:", "Reference:", "Paragraphs relied on:")))}


def tiny_module(number: int, lang: str, title: str, key_message: str = "Mensaje.") -> str:
    """A module page that passes every source check: the shared test fixture for modules."""
    description = f"A test module page, {title}, for the checks." if lang == "en" else f"Página de módulo de prueba, {title}, para los controles."
    return _MODULE.format(number=number, title=title, description=description,
                          plan_header=PLAN_HEADER[lang], key_message=key_message, case_law=CASE_LAW[lang])


# A booklet source that passes every check (module 1), in both languages.
BOOKLET = {"es": """---
booklet: 1
title: "Cuadernillo de prueba"
description: "Cuadernillo de bolsillo de prueba para el puesto de control."
---

# Trata o tráfico

## Definiciones clave { #key-definitions }

**Trata.** Acción + medio + fin.

## Indicadores { #indicators }

- [ ] Otra persona tiene su pasaporte.

## Qué hacer { #what-to-do }

1. Separe a la persona.

## Nunca { #never }

- Nunca la trate como infractora.

## Contactos de derivación { #referral-contacts }

| Institución | Contacto |
|---|---|
| Fiscalía | |

## Base legal { #legal-basis }

- Protocolo, art. 3.
"""}
BOOKLET["en"] = (BOOKLET["es"].replace('title: "Cuadernillo de prueba"', 'title: "Test booklet"')
                 .replace("Cuadernillo de bolsillo de prueba para el puesto de control.", "A test pocket booklet for the checkpoint, short.")
                 .replace("# Trata o tráfico", "# Trafficking or smuggling")
                 .replace("1. Separe a la persona.", "1. Separate the person."))



class TinySite:
    def __init__(self, root: Path):
        self.root = root
        self.configure()
        self.write(MINIMAL)

    def configure(self, **options) -> "TinySite":
        (self.root / "mkdocs.yml").write_text(site_config(**options), encoding="utf-8")
        return self

    def write(self, files: dict[str, str]) -> "TinySite":
        """Pages under docs/; a module page gets a question bank if it has none (see tiny_bank)."""
        for rel, text in files.items():
            path = self.root / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        write_banks(self.root, files)
        return self

    def build(self, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([*MKDOCS, "build", "--strict", *extra], cwd=self.root, env=_env(),
                              capture_output=True, text=True, timeout=600)

    def fails_with(self, *needles: str) -> str:
        """Build; the build must fail and its output must say each of `needles`."""
        result = self.build()
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"the build should have failed:\n{output}"
        for needle in needles:
            assert needle in output, f"expected {needle!r} in the build output:\n{output}"
        return output


@pytest.fixture
def tiny_site(tmp_path) -> TinySite:
    return TinySite(tmp_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: a missing path answers 404 with the root 404.html."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        """Sitemaps name pages at the build's SITE_URL; a deployed site is served there. Here the
        port differs, so serve them with this server's address, as the real host would: Material's
        language switch looks the current page up in the other language's sitemap."""
        if not self.path.split("?")[0].endswith("sitemap.xml"):
            return super().do_GET()
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            return super().do_GET()
        host, port = self.server.server_address[:2]
        body = path.read_text(encoding="utf-8").replace(SITE_URL, f"http://{host}:{port}/").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once with --strict into a temporary folder, at a fixed SITE_URL
    and with a booklet cache that the test workers of this run share (under pytest's temporary
    folder, not the developer's .cache/): the first worker renders, the others wait and copy."""
    out = tmp_path_factory.mktemp("site")
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    cache = shared / "booklet-cache"
    cache.mkdir(exist_ok=True)
    with open(shared / "booklet-cache.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        env = {**_env(SITE_URL, cache), "OFFLINE_CACHE": str(shared / "offline-cache")}  # the offline copies too
        result = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(out)], cwd=REPO,
                                env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, SITE_URL, free_port(), result


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site served on a free port (its SITE_URL stays the fixed one)."""
    out, _, port, _ = built_site
    handler = functools.partial(PagesHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def built_pages(out: Path) -> list[Path]:
    """Every HTML page of a built site, both languages, without the offline copies' build."""
    return [p for p in out.rglob("*.html") if "offline" not in p.relative_to(out).parts]


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_navigation_timeout(90_000)  # a busy 2-core machine builds and serves at once
    if "served_site" in request.fixturenames:
        # The head's hreflang links are absolute (SITE_URL) and Material fetches a sitemap.xml next
        # to each: a deployed site answers at its SITE_URL; here the test server answers for it.
        served = request.getfixturevalue("served_site")

        def from_test_server(route):
            response = route.fetch(url=route.request.url.replace(SITE_URL, served, 1))
            route.fulfill(response=response, headers={**response.headers, "access-control-allow-origin": "*"})
        context.route(SITE_URL + "**", from_test_server)
    pg = context.new_page()
    yield pg
    context.unroute_all(behavior="ignoreErrors")  # a sitemap fetch may still be in flight
    context.close()


def show_self_check(page) -> None:
    """Scroll to a module page's knowledge check, as a reader does, and wait for the self-check:
    knowledge-check.js builds it when the reader comes near it, not at load (issue 18)."""
    page.locator("#knowledge-check").scroll_into_view_if_needed()
    page.wait_for_selector(".kc-self .kc-q", timeout=10000)
