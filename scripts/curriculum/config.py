"""Our options in mkdocs.yml `extra`, typed as a MkDocs Config (as Material's plugins do)."""
from __future__ import annotations

import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from .booklet.options import BookletOptions


class ExtraOptions(Config):
    booklets = c.SubConfig(BookletOptions)
    nav_order = c.ListOfItems(c.Type(str), default=[])  # top-level files and folders of docs/<lang>/
    offline_copies = c.Type(bool, default=True)  # one zip per language (curriculum/offline.py)


def load(config) -> ExtraOptions:
    """Validate our keys of `config.extra`; an error names the option and what it expects."""
    ours = ExtraOptions(config_file_path=config.config_file_path)
    ours.load_dict({key: value for key, value in (config.extra or {}).items() if key in ours})
    failed, warnings = ours.validate()
    problems = [_sentence(key, str(err)) for key, err in [*failed, *warnings]]
    if problems:
        raise PluginError("\n".join(problems))
    return ours


def _sentence(key: str, message: str) -> str:
    """'booklets', "Sub-option 'page_size': is 'B12': …" -> "mkdocs.yml: extra.booklets.page_size is 'B12': …"."""
    while m := re.match(r"^Sub-option '([^']+)': (.*)$", message, re.DOTALL):
        key, message = f"{key}.{m.group(1)}", m.group(2)
    if message.startswith("Unrecognised configuration name"):
        message = "is not one of our options: remove it or check its spelling"
    return f"mkdocs.yml: extra.{key}{'' if message.startswith('is ') else ':'} {message}"
