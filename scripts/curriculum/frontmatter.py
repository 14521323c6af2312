"""Validate each page's front matter against data/frontmatter-schema.yml.

The schema is declared once; this file only picks the definition for a page (by folder) and
turns jsonschema's errors into sentences that name the file, the line, the field and the fix.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jsonschema

from . import data
from .errors import SourceError, unique
from .source import Page



def schema() -> dict:
    return data.load("frontmatter-schema.yml")


def kind_of(rel_to_lang: Path) -> str:
    """'module', 'booklet', 'guide' or 'page', from the page's path inside docs/<lang>/."""
    s = schema()
    if rel_to_lang.name == "index.md" or len(rel_to_lang.parts) < 2:
        return s["x-default-kind"]
    return s["x-kind-by-folder"].get(rel_to_lang.parts[0], s["x-default-kind"])


def _jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _expect(definition: dict, field: str) -> str:
    prop = definition["properties"].get(field, {})
    if "$ref" in prop:
        node = schema()
        for part in prop["$ref"].lstrip("#/").split("/"):
            node = node[part]
        prop = node
    return prop.get("x-expect", "a valid value")


def validate(page: Page, rel: str, rel_to_lang: Path) -> list[SourceError]:
    kind = kind_of(rel_to_lang)
    s = schema()
    definition = s["$defs"][kind]
    resolver_schema = {**definition, "$defs": s["$defs"]}
    validator = jsonschema.Draft202012Validator(resolver_schema, format_checker=jsonschema.FormatChecker())
    errors: list[SourceError] = []
    meta = _jsonable(page.meta)
    for err in sorted(validator.iter_errors(meta), key=lambda e: list(e.path)):
        if err.validator == "required":
            field = re.search(r"'([^']+)' is a required property", err.message).group(1)
            errors.append(SourceError(rel, 1, f"front matter of a {kind} page is missing '{field}': add '{field}:' with {_expect(definition, field)}"))
        elif err.validator == "additionalProperties":
            for field in re.findall(r"'([^']+)'", err.message.split("(")[1] if "(" in err.message else err.message):
                if field in meta and field not in definition["properties"]:
                    known = ", ".join(definition["properties"])
                    errors.append(SourceError(rel, page.meta_lines.get(field), f"front matter field '{field}' is not known for a {kind} page: remove it or use one of {known}"))
        else:
            field = str(err.path[0]) if err.path else "(front matter)"
            value = meta.get(field) if isinstance(meta, dict) else meta
            errors.append(SourceError(rel, page.meta_lines.get(field), f"front matter '{field}' must be {_expect(definition, field)}, got {value!r}"))
    one_of = definition.get("x-one-of")
    if one_of and isinstance(meta, dict) and sum(f in meta for f in one_of) != 1:
        present = [f for f in one_of if f in meta]
        fix = (f"keep one of {', '.join(repr(f) for f in present)}" if present else
               " or ".join(f"'{f}:' with {_expect(definition, f)}" for f in one_of))
        errors.append(SourceError(rel, page.meta_lines.get(present[-1]) if present else 1,
                                  f"front matter of a {kind} page needs exactly one of {', '.join(repr(f) for f in one_of)}: "
                                  + (fix if present else "add " + fix)))
    if kind == "module" and isinstance(page.meta.get("module"), int):
        m = re.match(r"^(\d\d)-", rel_to_lang.name)
        if not m or int(m.group(1)) != page.meta["module"]:
            errors.append(SourceError(rel, page.meta_lines.get("module"), f"front matter 'module' is {page.meta['module']} but the file name does not start with {page.meta['module']:02d}-: rename the file or fix the number"))
    return unique(errors)
