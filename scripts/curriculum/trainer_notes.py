"""The trainer-notes page: `<!-- curriculum:trainer-notes -->` in docs/<lang>/trainer-notes.md
becomes every trainer-only block of the modules (trainer notes, debriefs, answer keys), in
module order, each opened and ending with a link back to its section of the module."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from .indexes import labels
from .source import parse

MARKER = re.compile(r"<!--\s*curriculum:trainer-notes\s*-->")
LINK = re.compile(r"(\]\()([^)\s]+)")
HEADING_ID = re.compile(r"\s*\{[^}]*\}\s*$")


def _rebase(body: str, module_rel: str, page_rel_dir: str) -> str:
    """Relative links of a module's block, made relative to the trainer-notes page."""
    def fix(m):
        target = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
            return m.group(0)
        path, _, anchor = target.partition("#")
        resolved = module_rel if not path else posixpath.normpath(posixpath.join(posixpath.dirname(module_rel), path))
        new = get_relative_url(resolved, page_rel_dir + "/" if page_rel_dir else "")
        return m.group(1) + new + (f"#{anchor}" if anchor else "")
    return LINK.sub(fix, body)


def page(lang_dir: Path, page_dir: Path, locale: str) -> str:
    words = labels()[locale]
    page_rel_dir = page_dir.relative_to(lang_dir).as_posix().strip(".")
    sources = [parse(p) for p in sorted((lang_dir / "modules").glob("*.md")) if p.name != "index.md"]
    sources.sort(key=lambda p: p.meta.get("module") or 0)
    out = ['<div class="trainer-notes-collection" markdown>', ""]
    for source in sources:
        number = source.meta.get("module")
        rel = source.path.relative_to(lang_dir).as_posix()
        title = HEADING_ID.sub("", next((h.text for h in source.headings if h.level == 1), str(source.meta.get("title", ""))))
        out += [f"## {title} {{ #module-{number} }}", ""]
        for block in source.blocks:
            if block.type != "trainer-only":
                continue
            heading = next((h for h in reversed(source.headings) if h.line < block.line and h.id), None)
            body = []
            for line in source.lines[block.line:]:
                if line.strip() and len(line) - len(line.lstrip()) <= block.indent:
                    break
                body.append(line[block.indent:])
            while body and not body[-1].strip():
                body.pop()
            target = get_relative_url(rel, page_rel_dir + "/" if page_rel_dir else "")
            back = f"{target}#{heading.id}" if heading else target
            section = HEADING_ID.sub("", heading.text) if heading else title
            out.append(f'!!! trainer-only "{block.title or words["trainer_notes"]}"')
            out += _rebase("\n".join(body), rel, page_rel_dir).split("\n")
            out += ["", f"    [{words['back_to_section']}: {section}]({back})", ""]
        out += _answer_key(lang_dir, locale, number, rel, page_rel_dir, source, words)
    out += ["</div>", ""]
    return "\n".join(out)


def _answer_key(lang_dir: Path, locale: str, number, rel: str, page_rel_dir: str, source, words: dict) -> list[str]:
    """The module's knowledge-check answer key, written from its question bank (questions/<lang>/
    module-NN.yml, next to docs/) as on the module page."""
    from .kit import questions, render

    bank = questions.load(lang_dir.parents[1], locale, number) if isinstance(number, int) else None
    if bank is None or not bank.in_check:
        return []
    heading = next((h for h in source.headings if h.id == "knowledge-check"), None)
    target = get_relative_url(rel, page_rel_dir + "/" if page_rel_dir else "")
    section = HEADING_ID.sub("", heading.text) if heading else words["kc_answer_key"]
    return [f'!!! trainer-only "{words["kc_answer_key"]}"', *(render.key_markdown(n, q, words) for n, q in enumerate(bank.in_check, 1)),
            "", f"    [{words['back_to_section']}: {section}]({target}#knowledge-check)", ""]


def expand(markdown: str, lang_dir: Path, page_dir: Path, locale: str) -> str:
    return MARKER.sub(lambda m: page(lang_dir, page_dir, locale), markdown)
