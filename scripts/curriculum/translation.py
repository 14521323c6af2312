"""Translation state from git history: which pages lag behind their counterpart in the other
language (front matter `translated_from`, as MDN's l10n.sourceCommit), the command that records
a finished translation, and the pull-request rule that a page never changes alone."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

FIELD = "translated_from"
TRAILER = "Translation-not-needed"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def in_git(root: Path) -> bool:
    return subprocess.run(["git", "rev-parse", "--git-dir"], cwd=root, capture_output=True).returncode == 0


def counterpart(rel: str, langs: list[str]) -> list[str]:
    """docs/en/x.md -> [docs/es/x.md] (one per other language)."""
    parts = rel.split("/")
    return ["/".join([parts[0], other, *parts[2:]]) for other in langs if other != parts[1]]


@dataclass
class Lag:
    page: str
    source: str
    since: str | None  # the recorded commit, None if the page has no record
    commits: list[str]  # commits that changed the source and not the page, newest first

    def describe(self) -> str:
        if self.since is None:
            return f"{self.page}: no '{FIELD}' in front matter; after checking it against {self.source}, run " \
                   f"`python -m curriculum translated {self.page}`"
        listed = ", ".join(c[:8] for c in self.commits[:5]) + (" …" if len(self.commits) > 5 else "")
        return f"{self.page}: {self.source} changed since {self.since[:8]} ({listed}); see " \
               f"`git diff {self.since[:8]} HEAD -- {self.source}`, translate, then run `python -m curriculum translated {self.page}`"


def lags(root: Path, pages: dict[str, dict], langs: list[str]) -> list[Lag]:
    """pages: file (relative to root) -> front matter. A commit that changed both pages of a pair
    counts as translated in that commit."""
    out = []
    for rel, meta in sorted(pages.items()):
        for source in counterpart(rel, langs):
            if not (root / source).exists():
                continue
            since = meta.get(FIELD)
            if not since:
                out.append(Lag(rel, source, None, []))
                continue
            try:
                commits = git(root, "log", "--format=%H", f"{since}..HEAD", "--", source).split()
            except subprocess.CalledProcessError:
                continue  # the recorded commit is not in this clone (shallow): nothing to say
            alone = [c for c in commits if rel not in git(root, "show", "--name-only", "--format=", c).split()
                     and not needs_no_translation(root, c)]
            if alone:
                out.append(Lag(rel, source, str(since), alone))
    return out


def record(root: Path, rel: str, langs: list[str]) -> str:
    """Write the last commit of the counterpart into the page's front matter; return it."""
    [source] = counterpart(rel, langs)[:1]
    commit = git(root, "log", "-1", "--format=%h", "--", source).strip()
    if not commit:
        raise ValueError(f"{source} has no commit yet: commit it first, then record the translation")
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{rel}: no front matter to write '{FIELD}' into")
    end = text.index("\n---", 3)
    head, rest = text[:end], text[end:]
    if re.search(rf"^{FIELD}:", head, re.M):
        head = re.sub(rf"^{FIELD}:.*$", f'{FIELD}: "{commit}"', head, flags=re.M)
    else:
        head += f'\n{FIELD}: "{commit}"'
    path.write_text(head + rest, encoding="utf-8")
    return commit


def needs_no_translation(root: Path, commit: str) -> bool:
    """Whether the commit message carries the trailer 'Translation-not-needed: <reason>'."""
    return bool(git(root, "log", "-1", f"--format=%(trailers:key={TRAILER},valueonly)", commit).strip())


def unpaired_changes(root: Path, base: str, langs: list[str]) -> list[SourceError]:
    """Pages changed in base..HEAD whose counterpart did not change, unless a commit that touched
    the page carries the trailer 'Translation-not-needed: <reason>'."""
    changed = set(git(root, "diff", "--name-only", f"{base}...HEAD", "--", "docs").split())
    errors = []
    for rel in sorted(changed):
        if not rel.endswith(".md") or len(rel.split("/")) < 3:
            continue
        others = counterpart(rel, langs)
        if all(o in changed for o in others) or not (root / rel).exists():
            continue
        commits = git(root, "log", "--format=%H", f"{base}..HEAD", "--", rel).split()
        marked = any(needs_no_translation(root, c) for c in commits)
        if not marked:
            errors.append(SourceError(rel, None, f"changed without {' or '.join(others)}: change both languages in the "
                                                 f"same pull request, or, if the change needs no translation (a typo, a "
                                                 f"link), add the trailer '{TRAILER}: <reason>' to the commit message"))
    return errors
