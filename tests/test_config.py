"""Our options in mkdocs.yml `extra`, read in-process with MkDocs' own config loader."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from curriculum.config import load

REPO = Path(__file__).resolve().parents[1]


def options(**extra):
    config = load_config(str(REPO / "mkdocs.yml"))
    config.extra.update(extra)
    return load(config)


def test_the_real_options():
    ours = options()
    assert ours.booklets.page_size == "A6" and ours.booklets.sheet_names == ("a4", "letter")
    assert ours.nav_order[0] == "index.md"


def test_custom_page_size():
    booklets = options(booklets={"page_size": "100mm 150mm", "sheets": ["A4"]}).booklets
    assert booklets.css_size == "100mm 150mm" and booklets.label == "100 × 150 mm" and booklets.sheet_names == ("a4",)


@pytest.mark.parametrize("extra,needles", [
    ({"booklets": {"page_size": "B12"}}, ["mkdocs.yml: extra.booklets.page_size is 'B12'", "use A5, A6, A7"]),
    ({"booklets": {"page_size": "150mm 100mm"}}, ["extra.booklets.page_size", "landscape"]),
    ({"booklets": {"sheets": ["A3"]}}, ["extra.booklets.sheets", "A4", "Letter"]),
    ({"booklets": {"enabled": "yes"}}, ["extra.booklets.enabled", "bool"]),
    ({"booklets": {"page_sise": "A6"}}, ["extra.booklets.page_sise", "not one of our options"]),
    ({"nav_order": "modules"}, ["extra.nav_order", "list"]),
])
def test_bad_option_names_the_option_and_what_it_expects(extra, needles):
    with pytest.raises(PluginError) as err:
        options(**extra)
    for needle in needles:
        assert needle in str(err.value), str(err.value)
