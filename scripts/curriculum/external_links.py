"""External links of the built site still answer: a scheduled, informative job (never part of
`make check`, which must not depend on other hosts)."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

HREF = re.compile(r'<a\b[^>]*\bhref="(https?://[^"]+)"')
AGENT = "Mozilla/5.0 (compatible; curriculum-link-check)"


def collect(site_dir: Path, site_url: str) -> dict[str, list[str]]:
    """External URL -> built pages that link to it."""
    own = urlsplit(site_url).netloc
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for url in HREF.findall(page.read_text(encoding="utf-8")):
            if urlsplit(url).netloc != own:
                found.setdefault(url.split("#")[0], []).append(page.relative_to(site_dir).as_posix())
    return found


def status(url: str, timeout: float = 20) -> str | None:
    """None if the link answers; otherwise what went wrong."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as exc:
            if method == "GET" or exc.code not in (403, 405, 501):
                return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            if method == "GET":
                return f"no answer ({getattr(exc, 'reason', exc)})"
    return None


def check(site_dir: Path, site_url: str, workers: int = 8) -> list[str]:
    links = collect(site_dir, site_url)
    with ThreadPoolExecutor(workers) as pool:
        results = dict(zip(links, pool.map(status, links)))
    return [f"{url}: {problem} (linked from {', '.join(sorted(set(links[url]))[:3])})"
            for url, problem in sorted(results.items()) if problem]
