"""Training-video scripts: videos/<lang>/module-NN.yml -> the storyboard page and WebVTT captions.

A script is a list of scenes, each with its length in seconds, what the picture shows, the text
on screen and the narration. The narration is the caption text: `captions()` cuts it into cues
of at most two lines of 42 characters, timed within the scene in proportion to their length, so
that the captions follow the script whenever the script changes.

`<!-- curriculum:videos -->` in docs/<lang>/kit/videos.md becomes one section per module (the
storyboard table and the link to its captions); each language's .vtt files are registered as
MkDocs files (on_files), so `--strict` checks every link to them.
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml
from mkdocs.structure.files import File

from ..errors import SourceError, relative
from ..indexes import labels
from ..yaml_load import safe_load

FOLDER = "videos"  # next to mkdocs.yml
MARKER = re.compile(r"<!--\s*curriculum:videos\s*-->")
MIN_SECONDS, MAX_SECONDS = 300, 480  # a five-to-eight-minute video
LINE = 42  # characters per caption line (two lines a cue)
WORDS_PER_MINUTE = {"en": 150, "es": 165}  # the most a narrator can say calmly
SCENE_KEYS = {"id", "seconds", "picture", "on_screen", "narration"}


def path(root: Path, locale: str, number: int) -> Path:
    return root / FOLDER / locale / f"module-{number:02d}.yml"


def load(root: Path, locale: str, number: int) -> dict:
    return safe_load(path(root, locale, number).read_text(encoding="utf-8"))


def numbers(root: Path) -> list[int]:
    """The modules that have a script in any language."""
    found = {int(m.group(1)) for p in (root / FOLDER).glob("*/module-*.yml") if (m := re.match(r"module-(\d+)\.yml$", p.name))}
    return sorted(found)


def check(root: Path, langs: list[str], modules: dict[str, set[int]]) -> list[SourceError]:
    """modules: the module numbers of each language's module pages. Every module has a script
    in every language; the languages share scene ids and lengths, so one film serves both.
    A project without a videos/ folder has no scripts to check (like posters/)."""
    errors: list[SourceError] = []
    if not (root / FOLDER).is_dir():
        return errors
    wanted = set().union(*modules.values()) if modules else set()
    for number in sorted(wanted | set(numbers(root))):
        shapes = {}
        for lang in langs:
            p = path(root, lang, number)
            rel = relative(p, root)
            if not p.exists():
                errors.append(SourceError(rel, None, f"module {number} has no video script in '{lang}': write {rel} (see videos/README.md)"))
                continue
            if number not in modules.get(lang, set()):
                errors.append(SourceError(rel, None, f"there is no module {number} page in '{lang}': remove the script or fix its number"))
            try:
                doc = load(root, lang, number)
            except yaml.YAMLError as e:
                errors.append(SourceError(rel, getattr(getattr(e, "problem_mark", None), "line", -1) + 1 or None, f"not valid YAML: {e}"))
                continue
            errs, shape = _check_one(doc, number, lang, rel)
            errors += errs
            if shape is not None:
                shapes[lang] = (rel, shape)
        if len(shapes) > 1:
            (rel_a, a), *others = shapes.values()
            for rel_b, b in others:
                if a != b:
                    errors.append(SourceError(rel_b, None, f"scenes differ from {rel_a} (ids and seconds must be the same in every language, in the same order): {_diff(a, b)}", (rel_a,)))
    return errors


TEXT_FIELD = re.compile(r"^(\s*)(?:-\s+)?(title|audience|purpose|picture|on_screen|narration):\s*(.*)$")


def prose(root: Path, locale: str) -> list:
    """Each script of a language as a parsed page of running text whose line numbers are the
    YAML file's: the text fields on their own lines, everything else blank. The terminology and
    spelling checks read them like any page, and name the script and the line."""
    from ..source import parse_text
    pages = []
    for number in numbers(root):
        p = path(root, locale, number)
        if not p.exists():
            continue
        out, block_indent = [], None
        for line in p.read_text(encoding="utf-8").split("\n"):
            if block_indent is not None and (not line.strip() or len(line) - len(line.lstrip()) > block_indent):
                out.append(line.strip())  # a line of a folded or literal block
                continue
            block_indent = None
            m = TEXT_FIELD.match(line)
            value = m.group(3).strip() if m else ""
            if m and value[:1] in (">", "|"):
                block_indent = len(m.group(1))
                value = ""
            elif value:
                try:
                    value = str(safe_load(value) or "")
                except yaml.YAMLError:
                    pass
            out.append(value)
        pages.append(parse_text("\n".join(out), p, front_matter=False))
    return pages


def _check_one(doc, number: int, lang: str, rel: str):
    errors = []
    if not isinstance(doc, dict) or doc.get("module") != number:
        return [SourceError(rel, None, f"needs 'module: {number}' at the top")], None
    for key in ("title", "audience", "purpose"):
        if not str(doc.get(key) or "").strip():
            errors.append(SourceError(rel, None, f"'{key}' is missing: say it in one line"))
    scenes = doc.get("scenes")
    if not isinstance(scenes, list) or not scenes:
        return errors + [SourceError(rel, None, "'scenes' must be a list of scenes")], None
    seen = set()
    for i, scene in enumerate(scenes, 1):
        where = f"scene {i} ({scene.get('id', 'no id') if isinstance(scene, dict) else '?'})"
        if not isinstance(scene, dict):
            errors.append(SourceError(rel, None, f"{where}: must be a mapping with id, seconds, picture, narration"))
            continue
        unknown = set(scene) - SCENE_KEYS
        if unknown:
            errors.append(SourceError(rel, None, f"{where}: unknown field(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(SCENE_KEYS))}"))
        if not re.fullmatch(r"[a-z0-9-]+", str(scene.get("id", ""))) or scene.get("id") in seen:
            errors.append(SourceError(rel, None, f"{where}: 'id' must be unique, lowercase letters, digits and hyphens"))
        seen.add(scene.get("id"))
        seconds = scene.get("seconds")
        if not isinstance(seconds, int) or seconds < 5:
            errors.append(SourceError(rel, None, f"{where}: 'seconds' must be a whole number, at least 5"))
            continue
        if not str(scene.get("picture") or "").strip():
            errors.append(SourceError(rel, None, f"{where}: 'picture' is missing: describe what the camera shows"))
        words = len(str(scene.get("narration") or "").split())
        most = WORDS_PER_MINUTE.get(lang, 150) * seconds // 60
        if words > most:
            errors.append(SourceError(rel, None, f"{where}: {words} words of narration in {seconds} s; at most {most} can be said calmly: cut the text or lengthen the scene"))
    total = sum(s.get("seconds", 0) for s in scenes if isinstance(s, dict) and isinstance(s.get("seconds"), int))
    if not MIN_SECONDS <= total <= MAX_SECONDS:
        errors.append(SourceError(rel, None, f"the scenes last {total} s; a video runs {MIN_SECONDS // 60} to {MAX_SECONDS // 60} minutes ({MIN_SECONDS}-{MAX_SECONDS} s)"))
    shape = [(s.get("id"), s.get("seconds")) for s in scenes if isinstance(s, dict)]
    return errors, shape


def _diff(a, b) -> str:
    for i, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return f"scene {i} is {x[0]} ({x[1]} s) in one and {y[0]} ({y[1]} s) in the other"
    return f"{len(a)} scenes against {len(b)}"


def _stamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _lines(words: list[str]) -> list[str]:
    return textwrap.wrap(" ".join(words), LINE, break_long_words=False, break_on_hyphens=False)


def _balanced(words: list[str]) -> list[str]:
    """One cue's text on one line, or on two lines of about equal length."""
    text = " ".join(words)
    if len(text) <= LINE:
        return [text]
    for width in range(len(text) // 2 + 1, LINE + 1):
        lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        if len(lines) <= 2:
            return lines
    return _lines(words)


def _chunks(text: str) -> list[str]:
    """Caption cues: sentence by sentence; a long sentence is cut into the fewest cues of at most
    two lines, of about equal length (no cue left holding one word)."""
    plain = re.sub(r"[*_]", "", " ".join(text.split()))
    cues = []
    for sentence in re.split(r"(?<=[.!?…])\s+", plain):
        words = sentence.split()
        if not words:
            continue
        n = 1
        while True:
            size = len(sentence) / n
            groups, current = [], []
            for word in words:
                if current and len(" ".join(current + [word])) > size * 1.15 and len(groups) < n - 1:
                    groups.append(current)
                    current = []
                current.append(word)
            groups.append(current)
            if all(len(_lines(g)) <= 2 for g in groups):
                break
            n += 1
        cues += ["\n".join(_balanced(g)) for g in groups]
    return cues


CHARS_PER_SECOND = 15  # a calm reading speed for captions
LEAD = 0.5  # seconds of picture before the narration of a scene starts


def cues(doc: dict) -> list[tuple[float, float, str]]:
    """(start, end, text) of every caption. Each scene's narration starts half a second into the
    scene and runs at a calm speed; when it would not fit, it is compressed to end half a second
    before the scene does. The captions of a scene never spill into the next."""
    out, start = [], 0.0
    for scene in doc["scenes"]:
        pieces = _chunks(str(scene.get("narration") or ""))
        room = max(scene["seconds"] - 2 * LEAD, 1.0)
        natural = [max(len(p) / CHARS_PER_SECOND, 1.5) for p in pieces]
        scale = min(1.0, room / sum(natural)) if natural else 1.0
        at = start + LEAD
        for piece, length in zip(pieces, natural):
            out.append((round(at, 3), round(at + length * scale, 3), piece))
            at += length * scale
        start += scene["seconds"]
    return out


def captions(doc: dict, locale: str) -> str:
    """The WebVTT file of one script."""
    blocks = [f"WEBVTT\n\nNOTE {doc['title']}\n"]
    for i, (start, end, text) in enumerate(cues(doc), 1):
        blocks.append(f"{i}\n{_stamp(start)} --> {_stamp(end)}\n{text}\n")
    return "\n".join(blocks)


def vtt_name(number: int) -> str:
    return f"module-{number:02d}.vtt"


def files(config, root: Path, locale: str, prefix: str) -> list[File]:
    """This language's caption files, as MkDocs files generated from their text. prefix: the
    language's folder in the site ("" or "en/")."""
    out = []
    for n in numbers(root):
        if path(root, locale, n).exists():
            f = File.generated(config, f"{locale}/kit/videos/{vtt_name(n)}", content=captions(load(root, locale, n), locale))
            f.dest_uri = f"{prefix}kit/videos/{vtt_name(n)}"
            out.append(f)
    return out


def _cell(text: str) -> str:
    return " ".join(str(text or "").split()).replace("|", "\\|")


def page(root: Path, locale: str) -> str:
    """The storyboards of one language: a section per module, a row per scene."""
    words = labels()[locale]
    parts = []
    for number in numbers(root):
        if not path(root, locale, number).exists():
            continue
        doc = load(root, locale, number)
        total = sum(s["seconds"] for s in doc["scenes"])
        minutes, seconds = divmod(total, 60)
        head = [f"## {words['video_module']} {number}: {doc['title']} {{ #module-{number} }}", "",
                f"**{words['video_length']}:** {minutes} min {seconds:02d} s · **{words['video_audience']}:** {doc['audience']}", "",
                f"**{words['video_purpose']}:** {doc['purpose']}", "",
                f"[{words['video_captions']} (WebVTT)](videos/{vtt_name(number)})", "",
                f"| # | {words['video_time']} | {words['video_picture']} | {words['video_on_screen']} | {words['video_narration']} |",
                "|---|---|---|---|---|"]
        at = 0
        for i, scene in enumerate(doc["scenes"], 1):
            head.append(f"| {i} | {_stamp(at)[3:8]}-{_stamp(at + scene['seconds'])[3:8]} | {_cell(scene['picture'])} | "
                        f"{_cell(scene.get('on_screen'))} | {_cell(scene.get('narration'))} |")
            at += scene["seconds"]
        parts.append("\n".join(head))
    return "\n\n".join(parts) + "\n"


def expand(markdown: str, root: Path, locale: str) -> str:
    return MARKER.sub(lambda m: page(root, locale), markdown)
