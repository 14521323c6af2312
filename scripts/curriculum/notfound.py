"""A 404 page per language on a static host that serves only the root 404.html.

Each language build renders 404.html to the site root, the last one winning. We keep every
language's rendering: the default language's at /404.html, the others' at /<lang>/404.html,
and the root page sends a reader whose missing address lies under /<lang>/ to that language's
404 page (GitHub Pages and most static hosts serve only the root 404.html).
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from .languages import Language


def write(site_dir: Path, site_url: str, rendered: dict[str, str], langs: list[Language]) -> None:
    missing = [lang.locale for lang in langs if lang.locale not in rendered]
    if missing:
        raise PluginError(f"no 404 page was rendered for {', '.join(missing)}: is theme.language set per language in mkdocs.yml (i18n languages[].theme.language)?")
    base = urlsplit(site_url).path or "/"
    others = {lang.prefix: f"{base}{lang.prefix}404.html" for lang in langs if not lang.default}
    script = (
        "<script>(function(){var p=location.pathname,m=" + json.dumps(others) + ",b=" + json.dumps(base) + ";"
        "for(var k in m){if(p.indexOf(b+k)===0&&p!==m[k]){location.replace(m[k]);return}}})()</script>"
    )
    for lang in langs:
        html = rendered[lang.locale]
        if lang.default:
            html = html.replace("<head>", "<head>" + script, 1)
        out = site_dir / lang.prefix / "404.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
