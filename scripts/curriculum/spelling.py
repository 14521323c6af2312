"""Spelling of the running text: Spanish with Hunspell and Debian's Latin American
dictionaries, English with codespell; each with the project's word list in data/spelling/."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import DATA
from .errors import SourceError
from .prose import paragraphs, plain
from .source import Page

WORDS = {"es": DATA / "spelling" / "es.txt", "en": DATA / "spelling" / "en.txt"}
HUNSPELL_DICTS = "es_MX,es_CO,es_AR"
# Words Hunspell should not judge: numbers, codes, abbreviations with digits, single letters.
SKIP = re.compile(r"^(?:\w|.*\d.*|[A-ZÁÉÍÓÚÑ]{2,}s?)$")


class ToolMissing(RuntimeError):
    """A spelling tool is not installed; the message says how to install it."""


def project_words(lang: str) -> set[str]:
    path = WORDS[lang]
    if not path.exists():
        return set()
    return {w.strip() for w in path.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}


def spanish(pages: list[tuple[Page, str]]) -> list[SourceError]:
    """Misspelled Spanish words, each reported once per file at its first line."""
    if not shutil.which("hunspell"):
        raise ToolMissing("hunspell is not installed: run `bash scripts/install-system-deps.sh build` "
                          "(Debian packages hunspell and hunspell-es)")
    known = project_words("es")
    lines: list[tuple[str, int, str]] = []  # (file, line, text)
    for page, rel in pages:
        for para in paragraphs(page):
            lines += [(rel, number, plain(page.lines[number - 1], drop_italics=True)) for number, text in para.lines if text]
    # `hunspell -l` lists the unknown words of the whole text at once (fast: no suggestions).
    feed = "\n".join(text for _, _, text in lines)
    unknown = set(subprocess.run(["hunspell", "-l", "-d", HUNSPELL_DICTS, "-i", "utf-8"], input=feed,
                                 capture_output=True, text=True, check=True).stdout.split())
    unknown = {w for w in unknown if w not in known and not SKIP.match(w)}
    errors, seen = [], set()
    for rel, number, text in lines:
        for word in re.findall(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", text):
            if word in unknown and (rel, word) not in seen:
                seen.add((rel, word))
                errors.append(SourceError(rel, number, f"'{word}' is not in the Spanish dictionary: correct it, "
                                                       f"or add it to data/spelling/es.txt if it is right"))
    return errors


def english(pages: list[tuple[Page, str]], root: Path) -> list[SourceError]:
    """Common English misspellings (codespell), in the pages and files given."""
    if not pages:
        return []
    cmd = [sys.executable, "-m", "codespell_lib", "--ignore-words", str(WORDS["en"]),
           *[str(root / rel) for _, rel in pages]]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=root).stdout
    errors = []
    for row in out.splitlines():
        m = re.match(r"^(.*?):(\d+): (.+?) ==> (.+)$", row)
        if m:
            errors.append(SourceError(Path(m.group(1)).resolve().relative_to(root.resolve()).as_posix(),
                                      int(m.group(2)),
                                      f"'{m.group(3)}' is misspelled: write '{m.group(4)}', or add the word "
                                      f"to data/spelling/en.txt if it is right"))
    return errors
