"""A guide or protocol serves the modules: it links to at least one module page that exists."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import SourceError
from .source import Page

MODULE_LINK = re.compile(r"\]\((?:\.\./|\./)*modules/(\d\d-[a-z0-9-]+\.md)(?:#[\w-]*)?\)")


def check(page: Page, rel: str, modules_dir: Path) -> list[SourceError]:
    targets = [(number, m.group(1)) for number, line in enumerate(page.lines, start=1)
               for m in MODULE_LINK.finditer(line)]
    errors = [SourceError(rel, number, f"links to modules/{target}, which does not exist: use the file name of a "
                                       f"module in {modules_dir.as_posix()}/")
              for number, target in targets if not (modules_dir / target).exists()]
    if not targets:
        line = next((h.line for h in page.headings if h.id == "related-modules"), None)
        errors.append(SourceError(rel, line, "a guide links to the modules it serves: add a section "
                                             "'## Related modules { #related-modules }' with links such as "
                                             "[Module 5](../modules/05-victim-identification-and-protection.md)"))
    return errors
