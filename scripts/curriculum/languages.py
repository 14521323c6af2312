"""The site's languages, read from the i18n plugin's configuration in mkdocs.yml."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Language:
    locale: str
    default: bool
    prefix: str  # "" for the default language, "en/" for English
    name: str = ""  # as the language switch shows it: "Español"
    site_name: str = ""  # the site's name in this language

    def owns(self, url: str) -> bool:
        """Whether a site-relative URL or search location belongs to this language."""
        return url.startswith(self.prefix) if self.prefix else True


def languages(config) -> list[Language]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) is not configured: add it under plugins")
    langs = []
    for lang in plugin.config.languages:
        if not lang.build:
            continue
        prefix = "" if lang.default else lang.link.strip("/") + "/"
        langs.append(Language(lang.locale, bool(lang.default), prefix, lang.name or lang.locale,
                              lang.site_name or config.site_name))
    langs.sort(key=lambda lang: not lang.default)  # default first
    return langs


def of_url(langs: list[Language], url: str) -> Language:
    """The language a site-relative URL belongs to (the longest matching prefix)."""
    for lang in sorted(langs, key=lambda lang: -len(lang.prefix)):
        if lang.prefix and url.startswith(lang.prefix):
            return lang
    return langs[0]
