"""What a reader's first load of a page transfers, served compressed as a real host serves it.

serve(site_dir) serves a built site with gzip for text (HTML, CSS, JavaScript, JSON, XML, SVG),
as GitHub Pages and any ordinary host do; first_load(browser, url) opens one page in headless
Chromium with a phone's viewport and adds up the bytes that crossed the wire (Chromium's
encodedDataLength: compressed bodies plus headers) until the network is idle. The page-weight
test, `make bench` and `make lighthouse` use both, so the budget is measured one way everywhere.
"""
from __future__ import annotations

import contextlib
import io
import functools
import gzip
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

BUDGET = 150_000  # bytes, compressed, for a module page's first load (issue 18)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")
PAGE_KINDS = {"home": "", "module": "modules/05-victim-identification-and-protection/",
              "guide": "guides/financial-investigations/", "booklets": "booklets/"}


class CompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6) when the client accepts it; 404.html for a miss."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?")[0].split("#")[0]))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        gzipped = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0):
    """The built site at http://127.0.0.1:PORT/, compressed, for the duration of the block."""
    handler = functools.partial(CompressedHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Load:
    url: str
    requests: dict[str, int] = field(default_factory=dict)  # URL -> bytes transferred

    @property
    def total(self) -> int:
        return sum(self.requests.values())

    def table(self) -> str:
        rows = sorted(self.requests.items(), key=lambda kv: -kv[1])
        return "\n".join(f"{n:8d}  {u}" for u, n in rows) + f"\n{self.total:8d}  total"


def first_load(browser, url: str) -> Load:
    """Open url once in a fresh phone-sized context (empty cache); what crossed the wire."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    load = Load(url)
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: load.requests.__setitem__(
        urls.get(e["requestId"], e["requestId"]), int(e["encodedDataLength"])))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # a late fetch (idle callbacks, timers) still counts
    finally:
        context.close()
    load.requests = {u: n for u, n in load.requests.items() if not u.startswith("data:")}
    return load
