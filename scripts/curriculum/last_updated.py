""""Last updated" comes from mkdocs-git-revision-date-localized-plugin (mkdocs.yml): `strict:
false` and `fallback_to_build_date: true` make a copy without git, or a file without history,
fall back to the build date and log at info level. One case still warns, and so fails
`--strict`: on a CI runner (GitHub Actions, GitLab, Bitbucket, Azure) with a shallow clone, the
plugin warns that dates may be wrong. A shallow clone's dates are those of its newest commit,
which is what a "last updated" line can honestly show there; this filter turns that one warning
into an info line. Installed once, when the hooks are imported."""
from __future__ import annotations

import logging

CI_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"


class _ShallowCloneIsInfo(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING:
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def install() -> None:
    logger = logging.getLogger(CI_LOGGER)
    if not any(isinstance(f, _ShallowCloneIsInfo) for f in logger.filters):
        logger.addFilter(_ShallowCloneIsInfo())
