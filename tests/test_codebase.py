"""The codebase itself: the package installs and imports with no path set up."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _env_without_pythonpath() -> dict:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def test_curriculum_imports_from_anywhere_without_pythonpath(tmp_path):
    out = subprocess.run([sys.executable, "-c", "import curriculum.cli, curriculum.booklet"], cwd=tmp_path,
                         env=_env_without_pythonpath(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_pytest_collects_without_pythonpath():
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "tests/test_modules.py"],
                         cwd=REPO, env=_env_without_pythonpath(), capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
