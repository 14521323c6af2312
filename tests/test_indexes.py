"""Section indexes (`<!-- curriculum:list modules -->`) made from front matter, in-process."""
from __future__ import annotations

import markdown

from conftest import tiny_module

from curriculum import indexes


def test_a_pipe_in_a_title_or_description_stays_in_its_cell(tmp_path):
    lang_dir = tmp_path / "docs" / "en"
    (lang_dir / "modules").mkdir(parents=True)
    page = tiny_module(1, "en", "Trafficking | smuggling").replace("for the checks.", "for the checks | and more.")
    (lang_dir / "modules" / "01-a.md").write_text(page, encoding="utf-8")
    text = indexes.expand("<!-- curriculum:list modules -->", lang_dir, lang_dir / "modules", "en", "docs/en/modules/index.md")
    html = markdown.markdown(text, extensions=["tables"])
    row = html.split("<tbody>")[1].split("</tr>")[0]
    assert row.count("<td>") == 4, row
    assert "Trafficking | smuggling</a>" in row and "for the checks | and more." in row
