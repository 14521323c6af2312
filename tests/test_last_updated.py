""""Last updated" from git (mkdocs-git-revision-date-localized-plugin): a plain date, and a
strict build that passes in a copy without git and in a shallow clone on a CI runner."""
from __future__ import annotations

import os
import re
import subprocess

from conftest import MKDOCS, TinySite


def _date(site_dir, rel="en/index.html") -> str:
    html = (site_dir / rel).read_text(encoding="utf-8")
    m = re.search(r'<aside class="md-source-file">.*?git-revision-date-localized-plugin-date"[^>]*>([^<]+)<', html, re.DOTALL)
    assert m, "no last-updated line"
    assert "timeago" not in html
    return m.group(1)


def test_a_copy_without_git_builds_strictly_with_the_build_date(tiny_site):
    assert not (tiny_site.root / ".git").exists()
    result = tiny_site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert re.search(r"\d{4}", _date(tiny_site.root / "site"))
    assert re.search(r"\d{4}", _date(tiny_site.root / "site", "index.html"))


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=cwd,
                   check=True, capture_output=True, text=True)


def test_a_shallow_clone_on_a_ci_runner_builds_strictly(tmp_path):
    origin = tmp_path / "origin"
    origin.mkdir()
    TinySite(origin)
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-qm", "first", "--date=2024-03-05T10:00:00")
    (origin / "docs" / "en" / "index.md").write_text((origin / "docs" / "en" / "index.md").read_text() + "\nMore.\n")
    git(origin, "commit", "-qam", "second", "--date=2025-06-07T10:00:00")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "true"}
    result = subprocess.run([*MKDOCS, "build", "--strict"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "2025" in _date(clone / "site")
