# The README's two commands: `make serve` and `make test`. Everything else is a step they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export NO_MKDOCS_2_WARNING ?= 1

.PHONY: serve build test check bench bench-booklets lighthouse constraints clean external-links

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The `curriculum` package (pyproject.toml) is installed editable: the hooks, the CLI and the
# tests import it with no path set up.
$(VENV)/.build-installed: requirements.txt constraints.txt pyproject.toml | $(PY)
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	$(PIP) install --quiet --editable . -c constraints.txt
	@touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt constraints.txt pyproject.toml | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	$(PIP) install --quiet --editable . -c constraints.txt
	@touch $@ $(VENV)/.build-installed

## serve: install (first time), build the whole site with booklets, serve it on http://127.0.0.1:8000/
serve: $(VENV)/.build-installed
	@bash scripts/install-system-deps.sh build
	$(VENV)/bin/mkdocs serve --strict

## build: the same build, into site/, for publishing
build: $(VENV)/.build-installed
	@bash scripts/install-system-deps.sh build
	$(VENV)/bin/mkdocs build --strict

## check: the check gate of every pull request: the source checks (scripts/curriculum/checks.py),
## then a strict build read back (links, anchors, HTML validity); a timed summary. Under a minute.
check: $(VENV)/.dev-installed
	@bash scripts/install-system-deps.sh check
	$(PY) -m curriculum check

## test: install what the tests need (Debian's chromium and poppler-utils if missing), run the
## check gate, then every test
test: $(VENV)/.dev-installed
	@bash scripts/install-system-deps.sh test
	$(PY) -m curriculum check
	$(PY) -m pytest -n 2

## external-links: build, then ask every external link of the site (needs the network; the
## scheduled job runs it; never part of check or test)
external-links: build
	$(PY) -m curriculum external-links

## bench: clean and unchanged build, time per booklet, first-load bytes per page kind, search
## index and offline copy sizes, against scripts/bench-baseline.json (not a test)
bench: $(VENV)/.dev-installed
	@bash scripts/install-system-deps.sh test
	$(PY) scripts/bench.py site

## bench-booklets: booklet rendering alone, ours against raw WeasyPrint, and imposition
bench-booklets: $(VENV)/.dev-installed
	$(PY) scripts/bench.py booklets

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## lighthouse: build at the address it is then served at (compressed), Lighthouse 12.2.3 (npm,
## package-lock.json) on 8 pages, scores against scripts/lighthouse-baseline.json (not a test)
lighthouse: $(VENV)/.dev-installed node_modules/.installed
	@bash scripts/install-system-deps.sh test
	SITE_URL=http://127.0.0.1:8765/ $(VENV)/bin/mkdocs build --strict -q -d .cache/lighthouse-site
	$(PY) scripts/bench.py lighthouse --site .cache/lighthouse-site --port 8765

constraints: $(VENV)/.dev-installed
	( echo '# Every package the build and the checks install, pinned (pip install -c constraints.txt). Regenerate with `make constraints`.'; $(PIP) freeze --exclude-editable ) > constraints.txt

clean:
	rm -rf site .cache
