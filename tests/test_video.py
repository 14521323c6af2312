"""Training-video scripts (videos/<lang>/module-NN.yml): every module has one in every language,
the checks reject a bad script naming the file and the scene, and the WebVTT captions carry the
narration word for word, in order, inside each scene, readable (Chromium's own parser reads them)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from curriculum.kit import video

REPO = Path(__file__).resolve().parents[1]
LANGS = ["es", "en"]
MODULES = sorted(int(yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["module"])
                 for p in (REPO / "docs" / "en" / "modules").glob("[0-9][0-9]-*.md"))
STAMP = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"


def seconds(stamp: str) -> float:
    h, m, s, ms = map(int, re.fullmatch(STAMP, stamp).groups())
    return h * 3600 + m * 60 + s + ms / 1000


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """A strict reader of what captions() writes: header, an optional NOTE, numbered cues."""
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT", blocks[0]
    out = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith("NOTE"):
            continue
        assert lines[0].isdigit(), block
        m = re.fullmatch(STAMP.replace("(", "(?:") + " --> " + STAMP.replace("(", "(?:"), lines[1])
        assert m, lines[1]
        start, end = (seconds(x) for x in lines[1].split(" --> "))
        out.append((start, end, "\n".join(lines[2:])))
    return out


def test_every_module_has_a_script_in_every_language_and_the_scripts_pass_the_check():
    assert MODULES == list(range(1, 9))
    for lang in LANGS:
        for n in MODULES:
            assert video.path(REPO, lang, n).exists(), f"no script for module {n} in {lang}"
    assert video.check(REPO, LANGS, {lang: set(MODULES) for lang in LANGS}) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("number", range(1, 9))
def test_captions_carry_the_narration_in_order_inside_each_scene(lang, number):
    doc = video.load(REPO, lang, number)
    cues = parse_vtt(video.captions(doc, lang))
    total = sum(s["seconds"] for s in doc["scenes"])
    assert 300 <= total <= 480
    # word for word, in order
    spoken = " ".join(" ".join(str(s.get("narration") or "").split()) for s in doc["scenes"] if s.get("narration"))
    assert " ".join(" ".join(text.split()) for _, _, text in cues) == re.sub(r"[*_]", "", spoken)
    # readable: at most two lines of 42 characters, at least a second on screen, no overlap
    previous_end = 0.0
    for start, end, text in cues:
        lines = text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= video.LINE for line in lines), text
        assert end - start >= 1.0, (start, end, text)
        assert start >= previous_end - 1e-6, (start, previous_end, text)
        previous_end = end
    assert previous_end <= total
    # each scene's captions start and end inside the scene
    at, i = 0, 0
    for scene in doc["scenes"]:
        pieces = video._chunks(str(scene.get("narration") or ""))
        for _ in pieces:
            start, end, _text = cues[i]
            assert at <= start and end <= at + scene["seconds"], (scene["id"], start, end)
            i += 1
        at += scene["seconds"]


SCRIPT = {"module": 1, "title": "T", "audience": "A", "purpose": "P", "scenes": [
    {"id": "one", "seconds": 200, "picture": "A room.", "narration": "Hello."},
    {"id": "two", "seconds": 160, "picture": "A door.", "narration": "Goodbye."}]}


def write(root: Path, lang: str, doc: dict, number: int = 1):
    p = video.path(root, lang, number)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def messages(root: Path, modules=None) -> list[str]:
    return [str(e) for e in video.check(root, LANGS, modules or {lang: {1} for lang in LANGS})]


def test_a_good_pair_passes(tmp_path):
    write(tmp_path, "es", SCRIPT)
    write(tmp_path, "en", SCRIPT)
    assert messages(tmp_path) == []


@pytest.mark.parametrize("change, needles", [
    (lambda d: d["scenes"][0].update(seconds=20), ["videos/en/module-01.yml", "180 s", "300-480 s"]),
    (lambda d: d["scenes"][1].update(narration="word " * 500), ["videos/en/module-01.yml", "scene 2 (two)", "500 words", "cut the text"]),
    (lambda d: d["scenes"][0].pop("picture"), ["scene 1 (one)", "'picture' is missing"]),
    (lambda d: d["scenes"][0].update(speaker="X"), ["scene 1 (one)", "unknown field(s) speaker"]),
    (lambda d: d["scenes"][1].update(id="one"), ["scene 2 (one)", "'id' must be unique"]),
    (lambda d: d.update(module=2), ["videos/en/module-01.yml", "needs 'module: 1'"]),
])
def test_a_bad_script_is_named_with_the_fix(tmp_path, change, needles):
    write(tmp_path, "es", SCRIPT)
    bad = yaml.safe_load(yaml.safe_dump(SCRIPT))
    change(bad)
    write(tmp_path, "en", bad)
    found = "\n".join(messages(tmp_path))
    for needle in needles:
        assert needle in found, found


def test_the_languages_share_scenes_and_lengths(tmp_path):
    write(tmp_path, "es", SCRIPT)
    other = yaml.safe_load(yaml.safe_dump(SCRIPT))
    other["scenes"][0]["seconds"], other["scenes"][1]["seconds"] = 190, 170
    write(tmp_path, "en", other)
    found = "\n".join(messages(tmp_path))
    assert "videos/en/module-01.yml" in found and "scene 1 is one (200 s) in one and one (190 s)" in found, found


def test_a_module_without_a_script_and_a_script_without_a_module(tmp_path):
    write(tmp_path, "es", SCRIPT)
    found = "\n".join(messages(tmp_path))
    assert "module 1 has no video script in 'en': write videos/en/module-01.yml" in found, found
    write(tmp_path, "en", SCRIPT)
    write(tmp_path, "es", SCRIPT | {"module": 9}, 9)
    write(tmp_path, "en", SCRIPT | {"module": 9}, 9)
    found = "\n".join(messages(tmp_path))
    assert "videos/es/module-09.yml: there is no module 9 page in 'es'" in found, found


def test_the_site_publishes_the_storyboards_and_the_captions(built_site):
    out, *_ = built_site
    for prefix, lang in (("", "es"), ("en/", "en")):
        page = (out / prefix / "kit" / "videos" / "index.html").read_text(encoding="utf-8")
        for n in MODULES:
            vtt = out / prefix / "kit" / "videos" / f"module-{n:02d}.vtt"
            assert vtt.read_text(encoding="utf-8") == video.captions(video.load(REPO, lang, n), lang)
            assert f'href="module-{n:02d}.vtt"' in page, f"the {lang} videos page does not link module {n}'s captions"
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
            for scene in video.load(REPO, lang, n)["scenes"]:
                assert " ".join(scene["picture"].split())[:30] in text, f"module {n}, scene {scene['id']}: not on the {lang} page"


def test_chromium_reads_every_caption_file(page, served_site, built_site):
    """The browser's own WebVTT parser: a <track> loads each file with every cue."""
    out, *_ = built_site
    for prefix, lang in (("", "es"), ("en/", "en")):
        for n in MODULES:
            expected = len(video.cues(video.load(REPO, lang, n)))
            page.goto(served_site + f"{prefix}kit/videos/")
            count = page.evaluate("""async (src) => {
                const v = document.createElement('video');
                const t = document.createElement('track');
                t.kind = 'captions'; t.src = src; t.default = true;
                v.appendChild(t); document.body.appendChild(v);
                t.track.mode = 'hidden';
                await new Promise((ok, fail) => { t.onload = ok; t.onerror = () => fail(new Error('track error')); });
                return t.track.cues.length;
            }""", f"module-{n:02d}.vtt")
            assert count == expected, (lang, n, count, expected)


def test_the_scripts_text_goes_through_the_terminology_check(tmp_path):
    from curriculum import checks
    for lang in LANGS:
        (tmp_path / "docs" / lang).mkdir(parents=True)
    bad = yaml.safe_load(yaml.safe_dump(SCRIPT))
    bad["scenes"][1]["narration"] = "Esto es tráfico de personas."
    write(tmp_path, "es", bad)
    write(tmp_path, "en", SCRIPT)
    sources = checks.load(tmp_path / "docs", LANGS, tmp_path)
    found = [str(e) for e in checks.REGISTRY["terminology"](sources)]
    line = next(i for i, text in enumerate(video.path(tmp_path, "es", 1).read_text(encoding="utf-8").split("\n"), 1)
                if "tráfico de personas" in text)
    assert any(f.startswith(f"videos/es/module-01.yml:{line}: 'tráfico de personas' is not our term") for f in found), found
