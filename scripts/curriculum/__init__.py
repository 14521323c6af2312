"""Our own build code: source checks, per-language search and 404, booklets.

Each module has one job; scripts/mkdocs_hooks.py wires them into MkDocs.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
