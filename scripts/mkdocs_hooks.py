"""MkDocs hooks: thin wiring. Every job lives in the `curriculum` package next to this file.

mkdocs-static-i18n runs one nested build per extra language inside the default language's
on_post_build. `_depth` tells the outer build (checks before it, site-wide fixes after every
language is built) from the nested ones. Booklet PDFs are rendered (or taken from the cache)
before the outer build renders any page, so the booklets index can show their page counts and
sizes; each language's pass registers its PDFs as MkDocs files (on_files), which MkDocs copies
and `--strict` link validation covers.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from curriculum import DATA, alternates, booklet, checks, indexes, navigation, notfound, search
from curriculum.config import load as load_options
from curriculum.errors import relative, report
from curriculum.languages import languages, of_url
from curriculum import images, last_updated, module_bar, offline, render_cache, script_loader, serve_memo, tables, tasklist, tooltips, trainer_pages
from curriculum.indexes import labels
from curriculum.kit import build as kit_build, pages as kit_pages, video
from curriculum.kit import downloads as kit_downloads, questions as kit_questions, render as kit_render

_depth = 0
_404: dict[str, str] = {}
_booklets: booklet.Build | None = None
_kit: kit_build.Kit | None = None  # the classroom kit's slides (its forms are booklet PDFs)
_serve = False  # `mkdocs serve` (from on_startup): its site_url is the local server's
_offline: offline.Copies | None = None


def on_startup(command, dirty):
    """`mkdocs serve` or `mkdocs build` (as Material's plugins tell them apart)."""
    global _depth, _serve
    _depth = 0
    _serve = command == "serve"
    if _serve:
        serve_memo.install()


def on_build_error(error):
    global _depth
    _depth = 0
    if _offline is not None:
        _offline.stop()


def on_pre_build(config):
    global _depth, _booklets, _kit, _offline
    _depth += 1
    if _depth == 1:
        _404.clear()
        if _serve:
            render_cache.start()
            serve_memo.new_rebuild()
        langs = [lang.locale for lang in languages(config)]
        if not offline.building_copy():  # the published build beside it has checked the sources
            errors = checks.errors(checks.run(Path(config.docs_dir), langs, _project(config), build_only=True))
            if errors:
                raise PluginError(report(errors))
        _booklets = booklet.prepare(config, _project(config), prune=not _serve)
        _kit = kit_build.prepare(config, _project(config), prune=not _serve)
        _offline = None
        if load_options(config).offline_copies and not offline.building_copy():  # a copy makes no copy of itself
            _offline = offline.Copies(config, _project(config), languages(config), _serve)


@event_priority(10)  # before Material's offline plugin adds its CDN polyfill
def on_config(config):
    offline.on_config(config)
    return config


def on_post_page(output, page, config):
    langs = languages(config)
    lang = of_url(langs, page.url)
    output = script_loader.after_parse(search.point_base(output, lang, page.file.src_uri))
    return alternates.head_links_to_roots(output, None if offline.building_copy() else config.site_url, langs)


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        locale = config.theme["language"]
        lang = next((lang for lang in languages(config) if lang.locale == locale), None)
        if lang is None:
            raise PluginError(f"mkdocs.yml: theme.language '{locale}' is not one of the i18n languages")
        _404[locale] = script_loader.after_parse(search.point_base(output_content, lang, "404.html"))
    return output_content


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    global _depth
    _depth -= 1
    if _depth:
        return
    langs = languages(config)
    site_dir = Path(config.site_dir)
    search.split_index(site_dir, langs)
    if offline.building_copy():
        offline.finish(site_dir, langs)
    alternates.split_sitemap(site_dir, config.site_url, langs)
    notfound.write(site_dir, config.site_url, _404, langs)
    if _serve:
        logging.getLogger("mkdocs.plugins.curriculum").info(render_cache.report())
    if _offline is not None:
        _offline.publish(site_dir)


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    lang = of_url(languages(config), page.url)
    src = Path(page.file.abs_src_path)
    lang_dir = Path(config.docs_dir) / lang.locale
    markdown = booklet.with_download(markdown, page.file.abs_src_path, page.file.src_uri, _booklets)
    markdown = kit_pages.with_present(markdown, page.file.abs_src_path, page.file.src_uri, _kit)
    if isinstance(page.meta.get("module"), int):  # the knowledge check, from questions/<lang>/module-NN.yml
        bank = kit_questions.load(_project(config), lang.locale, page.meta["module"])
        markdown = kit_render.expand(markdown, bank, labels()[lang.locale])
    generated = {"booklets": lambda: booklet.index_table(_booklets, lang.locale, page.file.src_uri),
              "slides": lambda: kit_pages.slides_table(_kit, lang.locale, page.file.src_uri),
              "forms": lambda: kit_pages.forms_table(_booklets, lang.locale, page.file.src_uri),
              "protocols": lambda: booklet.protocol_table(_booklets, lang.locale, page.file.src_uri),
              "posters": lambda: booklet.poster_table(_booklets, lang.locale, page.file.src_uri),
              "tests": lambda: kit_downloads.table(_booklets, lang.locale, page.file.src_uri, labels()[lang.locale]),
              "offline": lambda: offline.table(_offline, lang, labels()[lang.locale], config.site_url)}
    markdown = indexes.expand(markdown, lang_dir, src.parent, lang.locale, relative(src, _project(config)), generated)
    markdown = video.expand(markdown, _project(config), lang.locale)
    markdown = trainer_pages.expand(markdown, lang_dir, src.parent, lang.locale)
    # Under serve, an unchanged page is not converted again (curriculum/render_cache.py): this
    # must see the Markdown as converted, so ours runs after every plugin's on_page_markdown.
    return render_cache.before(markdown, page, config, files) if _serve else markdown


def on_serve(server, config, builder):
    """Rebuild when data/*.yml, the question banks, the video scripts, the booklet stylesheet, the
    kit's templates change, not only docs/."""
    extra = [kit_questions.folder(_project(config)), _project(config) / video.FOLDER] if config else []
    for path in (DATA, *booklet.WATCH, *kit_build.WATCH, *(p for p in extra if p.is_dir())):
        server.watch(str(path))
    return server


def _prefix(config, locale: str) -> str:
    return next(lang.prefix for lang in languages(config) if lang.locale == locale)


def _project(config) -> Path:
    """The folder of mkdocs.yml: error messages name files relative to it."""
    return _folder_of(config.config_file_path)


@functools.lru_cache(maxsize=8)  # asked for every page
def _folder_of(config_file: str) -> Path:
    return Path(config_file).resolve().parent


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files, config):
    """This language's booklet and kit PDFs, slide decks and presentations, Moodle XML and GIFT
    banks, results template and video captions, as MkDocs files."""
    locale = config.theme["language"]
    for file in booklet.files(_booklets, config, locale):
        files.append(file)
    for file in kit_build.files(_kit, config, locale):
        files.append(file)
    for file in video.files(config, _project(config), locale, _prefix(config, locale)):
        files.append(file)
    for file in kit_downloads.files(config, _project(config), locale, _prefix(config, locale), _module_numbers(config, locale), labels()[locale]):
        files.append(file)
    return files


def _module_numbers(config, locale: str) -> list[int]:
    """The module numbers of this language's module pages (their file names, NN-slug.md)."""
    folder = Path(config.docs_dir) / locale / "modules"
    return [int(p.name[:2]) for p in sorted(folder.glob("[0-9][0-9]-*.md"))]


@event_priority(-110)  # after mkdocs-static-i18n (-100) has removed the language folders
def on_nav(nav, config, files):
    return navigation.order(nav, load_options(config).nav_order)


last_updated.install()  # a shallow clone on CI must not fail --strict (see the module)


@event_priority(100)  # first: under serve, an unchanged page's kept conversion is put back before anything else
def on_page_content(html, page, config, files):
    """Glossary tooltips on module and guide pages (curriculum/tooltips.py), and no tooltip for
    heading permalinks; checklists labelled; images sized; tables wrapped as Material would."""
    if _serve:
        html = render_cache.after(html, page, files)
    lang = of_url(languages(config), page.url)
    rel = Path(page.file.abs_src_path).relative_to(Path(config.docs_dir) / lang.locale).as_posix()
    html = images.sized(tables.wrap(tasklist.label(tooltips.quiet_headerlinks(html))), Path(page.file.abs_src_path))
    return tooltips.annotate(html, lang.locale) if tooltips.applies_to(rel) else html


def on_page_context(context, page, config, nav):
    """Previous and next module and our labels, for overrides/main.html."""
    return module_bar.context(context, page, nav, of_url(languages(config), page.url).locale)


def on_env(env, config, files):
    """Under serve, compiled templates are kept from one rebuild to the next (curriculum/serve_memo.py)."""
    return serve_memo.templates(env) if _serve else env
