"""The theme's script and ours run after the page's first paint, one after the other, not as
tags at the end of the body.

Material's `bundle.js` and our scripts are plain tags at the end of the body: the browser runs
each as soon as the parser reaches it. Material's script reads the scroll position while it
starts, which makes the browser lay out the whole page inside the script's own task (on a module
page, about 2,000 boxes); then, on `DOMContentLoaded`, it wires every component in one more long
task. Lighthouse counts both as blocking time, and its simulation makes the page's largest paint
wait for them.

Here the same scripts, in the same order, are inserted by a small inline script once the
document is parsed and the browser has rendered a frame (requestAnimationFrame, then a task; a
timer too, as a hidden tab renders no frames). The bundle runs in one task; Material's wiring in
the next, on a `DOMContentLoaded` that the loader sends again (Material listens for that event
only, and subscribed to it while the bundle ran); then our scripts, each inserted from the
previous one's `load` event. `window.curriculumReady` is false from the parse until the last
script has run (the browser tests wait for it: the window's `load` event may come before).
Without JavaScript nothing changes: none of these scripts ran either.

Only a tail of plain `<script src>` tags is rewritten; a page whose tail has anything else (a
module script, `async`, `defer`) keeps its tags, and tests/test_page_weight.py reports it.
"""
from __future__ import annotations

import json
import re

TAG = re.compile(r'\s*<script src="([^"<>]+)"></script>')
CONFIG_END = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.S)

# s: the addresses in order, the theme's bundle first.
LOADER = ('<script>(function(s){window.curriculumReady=false;var started=false;function l(i){'
          'if(i===s.length){window.curriculumReady=true;return}var e=document.createElement("script");'
          'e.src=s[i];e.async=false;e.onload=e.onerror=function(){if(i===0)setTimeout(function(){'
          'document.dispatchEvent(new Event("DOMContentLoaded"));l(1)},0);else l(i+1)};document.body.appendChild(e)}'
          'function start(){if(!started){started=true;l(0)}}'
          'function go(){requestAnimationFrame(function(){setTimeout(start,0)});setTimeout(start,500)}'
          'if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",go,{once:true});'
          'else go()})(%s)</script>')


def after_parse(html: str) -> str:
    """The page with its closing script tags replaced by the loader, or unchanged (see above)."""
    config = None
    for config in CONFIG_END.finditer(html):
        pass
    body_end = html.rfind("</body>")
    if config is None or body_end < config.end():
        return html
    tail = html[config.end():body_end]
    srcs, at = [], 0
    while m := TAG.match(tail, at):
        srcs.append(m.group(1))
        at = m.end()
    if not srcs or tail[at:].strip():
        return html
    loader = LOADER % json.dumps(srcs, separators=(",", ":")).replace("</", "<\\/")
    return html[:config.end()] + "\n    " + loader + "\n  " + html[body_end:]


def addresses(html: str) -> list[str] | None:
    """The addresses a page's loader inserts, in order, or None when the page has no loader."""
    m = re.search(re.escape(LOADER.split("%s")[0]) + r"(\[.*?\])\)</script>", html)
    return json.loads(m.group(1).replace("<\\/", "</")) if m else None
