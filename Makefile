# make run: set up .venv, build the site, upgrade the database, serve both.
# make test: the whole test suite.
# make bench: the performance figures (needs npm and /usr/bin/chromium).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
export NO_MKDOCS_2_WARNING := 1
# Links and QR codes point at the address being served unless SITE_URL says
# otherwise (set it to the public https address on the real server).
export SITE_URL ?= http://$(HOST):$(PORT)/

.PHONY: run test site install db-upgrade clean browser-tools bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

instance/config.py:
	mkdir -p instance
	$(PYTHON) -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

site: install
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m whitenoise.compress --quiet site

db-upgrade: install instance/config.py
	$(BIN)/flask --app collector db upgrade

run: site db-upgrade
	@echo "Serving the site and the collector on http://$(HOST):$(PORT)/"
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - 'collector:create_app()'

test: install browser-tools
	$(BIN)/python -m pytest

# axe-core for the accessibility tests, when npm is there (they skip otherwise).
browser-tools:
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

# Figures for the README's Performance section; about 7 minutes on 2 cores.
bench: install
	npm ci --prefix tests/bench --no-audit --no-fund --loglevel=error
	$(BIN)/python -m tests.bench.bench_weight
	$(BIN)/python -m tests.bench.bench_build
	$(BIN)/python -m tests.bench.bench_collector
	$(BIN)/python -m tests.bench.bench_report
	$(BIN)/python -m tests.bench.bench_lighthouse

clean:
	rm -rf site .pytest_cache
