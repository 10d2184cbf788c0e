# Balise — `make run` starts the app, `make test` runs the whole suite. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=
export HF_HUB_OFFLINE := 1

.PHONY: install dev browser run serve test lint format train bench clean messages

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-nodeps.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Balise demande Python 3.11 ou plus récent (python3 --version).")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -r requirements-nodeps.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

dev: install $(VENV)/.dev-installed

$(VENV)/.dev-installed: requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	@touch $@

# Browser tests drive Debian's Chromium; install it when missing and we are root.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "Chromium manque : installez le paquet Debian « chromium » (sudo apt-get install chromium)."; exit 1; fi; \
	fi

run: install
	$(PY) manage.py prepare
	$(PY) manage.py serve

# Production: DATABASE_URL=postgres://… BALISE_SECRET_KEY=… BALISE_HTTPS=1 BALISE_ALLOWED_HOSTS=… make serve
serve: install
	$(PY) manage.py prepare
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py serve --bind $${BALISE_BIND:-127.0.0.1:8000}

lint: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: dev browser lint
	$(PY) -m pytest $(PYTEST_ARGS)

train: install
	$(PY) -m balise.engine.train

bench: install
	$(PY) benchmarks/engine_bench.py

# After changing UI text: refresh the catalogs, translate the new entries in balise/locale/en, then rerun.
# Needs gettext (apt-get install gettext) on the developer's machine only; .po and .mo are committed.
messages: install
	$(PY) manage.py makemessages -l en -l fr_CA --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=benchmarks --ignore=data
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var/static
