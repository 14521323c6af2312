"""Tables arrive wrapped as Material would wrap them (scripts/curriculum/tables.py), look the
same as Material's own, and nothing at the start of a page makes the browser restyle it whole."""
from __future__ import annotations

import re

import pytest

from conftest import REPO, built_pages
from curriculum import page_weight, tables


def test_wrap_wraps_plain_tables_and_leaves_tables_with_a_class_alone():
    html = ('<p>a</p><table>\n<tr><td>1</td></tr></table><table class="x"><tr><td>'
            '<table id="in"><tr><td>2</td></tr></table></td></tr></table>')
    out = tables.wrap(html)
    assert out == ('<p>a</p>' + tables.OPEN + '>\n<tr><td>1</td></tr>' + tables.CLOSE
                   + '<table class="x"><tr><td>' + tables.OPEN + ' id="in"><tr><td>2</td></tr>' + tables.CLOSE
                   + '</td></tr></table>')
    assert tables.wrap(out) == out  # a wrapped table has a class: wrapping again changes nothing
    assert tables.wrap("<p>&lt;table&gt; in a code sample</p>") == "<p>&lt;table&gt; in a code sample</p>"


def test_every_table_of_every_page_arrives_wrapped(built_site):
    """Every built page of both languages (the offline copies are built by the same hooks): no table
    is left for Material's script to move at load, and each wrapped table is in its scrolling box,
    which takes keyboard focus."""
    out = built_site[0]
    pages = built_pages(out)
    assert len(pages) > 80
    wrapped = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        unwrapped = [t for t in re.findall(r"<table\b[^>]*>", article) if "class=" not in t]
        assert not unwrapped, f"{page.relative_to(out)}: {unwrapped[:3]}"
        wrapped += article.count(tables.OPEN)
        assert article.count('<table class="wrapped"') == article.count(tables.OPEN), page.relative_to(out)
    assert wrapped > 100


STYLE = ["display", "font-size", "max-width", "overflow-x", "background-color", "border-top-width", "border-top-style",
         "border-top-color", "border-radius", "padding-top", "padding-left", "vertical-align", "text-align",
         "font-weight", "min-width", "margin-top", "margin-bottom", "box-shadow", "word-break"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_wrapped_table_looks_like_materials_own(page, served_site, prefix):
    """A table built wrapped and a plain table that Material's stylesheet styles (put in the same
    place after load, so Material's script never sees it) have the same computed style: table,
    header cell, body cell and the element after the table. Catches a Material update that changes
    its table rules without ours."""
    page.goto(served_site + prefix + page_weight.PAGE_KINDS["module"])
    page.wait_for_load_state("load")
    styles = page.evaluate("""(props) => {
        const ours = document.querySelector('article table.wrapped');
        const box = ours.closest('.md-typeset__scrollwrap');
        const copy = box.cloneNode(true);
        const plain = copy.querySelector('table');
        plain.removeAttribute('class');
        box.after(copy);
        const read = (el) => { const s = getComputedStyle(el); return Object.fromEntries(props.map(p => [p, s.getPropertyValue(p)])); };
        const parts = (t) => ({table: read(t), th: read(t.querySelector('th')), td: read(t.querySelector('td')),
                               box: read(t.closest('.md-typeset__table')), scroll: read(t.closest('.md-typeset__scrollwrap'))});
        return [parts(ours), parts(plain)];
    }""", STYLE)
    ours, materials = styles
    assert ours == materials


MODULES = [(prefix, f"modules/{p.stem}/") for prefix, lang in (("", "es"), ("en/", "en"))
           for p in sorted((REPO / "docs" / lang / "modules").glob("[0-9][0-9]-*.md"))]


@pytest.mark.parametrize("prefix,module", MODULES)
def test_materials_startup_neither_restyles_the_page_nor_moves_a_table(browser, served_site, prefix, module):
    """Every module page: once the body has begun, the root element's classes and attributes do not
    change (Material's script swaps no-js for js and the focus-visible polyfill marks the root: the
    head does both first, since a change there restyles every element of the page), and no table is
    moved. Material's script did run (the root has class js)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script("""(() => {
            const state = () => [...document.documentElement.attributes].map(a => a.name + '=' + a.value).sort().join(' ');
            window.__startup = {at_body: null, moved: 0, state};
            new MutationObserver(list => {
                if (window.__startup.at_body === null && document.body) window.__startup.at_body = state();
                for (const m of list) for (const n of m.removedNodes || []) if (n.nodeName === 'TABLE') window.__startup.moved++;
            }).observe(document, {attributes: true, childList: true, subtree: true});
        })();""")
        page.goto(served_site + prefix + module)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        at_body, now, moved, js = page.evaluate("[__startup.at_body, __startup.state(), __startup.moved,"
                                                " document.documentElement.classList.contains('js')]")
        assert js and "no-js" not in now, now
        assert at_body == now, f"the root changed after the body began:\n  {at_body}\n  {now}"
        assert moved == 0, f"{moved} tables moved at load"
    finally:
        context.close()
