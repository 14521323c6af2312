"""Poster sources: posters/<lang>/<id>.yml, validated against data/poster-schema.yml.

The awareness-campaign posters are YAML text (headline, points, action, …), one file per poster
and language, with the same ids in every language. `make check` and every build run check()
before anything is rendered; the booklet pipeline renders each poster to one page in Letter and
A4 (booklet/templates/poster.html, booklet/poster.css). Errors name the file, the line and the
field, and the fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from . import data
from .errors import SourceError, relative, unique
from .yaml_load import safe_load

FOLDER = "posters"
PAPERS = ("letter", "a4")  # every poster is rendered on both


@dataclass
class Poster:
    locale: str
    path: Path
    rel: str
    text: str
    fields: dict

    def line(self, field: str) -> int | None:
        """The line of a top-level field in the file, for messages."""
        for n, text in enumerate(self.text.splitlines(), start=1):
            if re.match(rf"^{re.escape(field)}\s*:", text):
                return n
        return None


def load(root: Path, langs: list[str]) -> tuple[dict[str, list[Poster]], list[SourceError]]:
    """Every poster source of each language (none when posters/ does not exist), and the files that are not YAML mappings."""
    found: dict[str, list[Poster]] = {lang: [] for lang in langs}
    errors: list[SourceError] = []
    for lang in langs:
        for path in sorted((root / FOLDER / lang).glob("*.yml")):
            rel = relative(path, root)
            text = path.read_text(encoding="utf-8")
            try:
                fields = safe_load(text)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                errors.append(SourceError(rel, mark.line + 1 if mark else None, f"is not valid YAML ({getattr(exc, 'problem', exc)}): fix the syntax"))
                continue
            if not isinstance(fields, dict):
                errors.append(SourceError(rel, 1, "a poster source is a YAML mapping of fields (id, design, title, headline, …): see data/poster-schema.yml"))
                continue
            found[lang].append(Poster(lang, path, rel, text, fields))
    return found, errors


def _expect(schema: dict, field: str) -> str:
    return schema["properties"].get(field, {}).get("x-expect", "a valid value")


def validate(poster: Poster) -> list[SourceError]:
    schema = data.load("poster-schema.yml")
    validator = jsonschema.Draft202012Validator(schema)
    errors = []
    rel, fields = poster.rel, poster.fields
    for err in sorted(validator.iter_errors(fields), key=lambda e: [str(p) for p in e.path]):
        if err.validator == "required":
            field = re.search(r"'([^']+)' is a required property", err.message).group(1)
            errors.append(SourceError(rel, 1, f"poster field '{field}' is missing: add '{field}:' with {_expect(schema, field)}"))
        elif err.validator == "additionalProperties":
            for field in [f for f in fields if f not in schema["properties"]]:
                errors.append(SourceError(rel, poster.line(field), f"poster field '{field}' is not known: remove it or use one of {', '.join(schema['properties'])}"))
        else:
            field = str(err.path[0]) if err.path else "(file)"
            value = fields.get(field)
            got = f"{len(value)} points" if field == "points" and err.validator in ("minItems", "maxItems") else repr(value)
            errors.append(SourceError(rel, poster.line(field), f"poster field '{field}' must be {_expect(schema, field)}, got {got}"))
    if isinstance(fields.get("id"), str) and fields["id"] != poster.path.stem:
        errors.append(SourceError(rel, poster.line("id"), f"poster field 'id' is '{fields['id']}' but the file is {poster.path.name}: "
                                                          f"rename the file {fields['id']}.yml or fix the id"))
    return unique(errors)


def check(root: Path, langs: list[str]) -> list[SourceError]:
    """Every poster valid, and the same posters (ids and designs) in every language."""
    found, errors = load(root, langs)
    for posters in found.values():
        for poster in posters:
            errors += validate(poster)
    by_id = {lang: {p.path.stem: p for p in posters} for lang, posters in found.items()}
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            for stem, poster in sorted(by_id[lang].items()):
                twin = by_id[other].get(stem)
                if twin is None:
                    errors.append(SourceError(poster.rel, poster.line("id"), f"poster '{stem}' has no {FOLDER}/{other}/{stem}.yml: "
                                                                             f"every poster exists in every language, with the same id: add the translation or remove this file"))
                elif lang == langs[0] and twin.fields.get("design") != poster.fields.get("design"):
                    errors.append(SourceError(twin.rel, twin.line("design"), f"poster field 'design' is {twin.fields.get('design')!r} here but "
                                                                             f"{poster.fields.get('design')!r} in {poster.rel}: use the same design in every language", (poster.rel,)))
    return errors
