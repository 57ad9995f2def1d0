# policy-kg: `make run` (set up, ingest the samples, start the app), `make test` (set up, run every test).
PYTHON ?= $(shell command -v python3.11 || ls /root/.pyenv/versions/3.11*/bin/python3.11 2>/dev/null | head -1 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINT_STAMP := tools/cypher_lint/node_modules/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: setup run ingest test lint browser bench clean stop

setup: $(STAMP) $(LINT_STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

# Neo4j's Cypher linter (npm) for the dialect tests; skipped with a note when npm is absent.
$(LINT_STAMP): tools/cypher_lint/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/cypher_lint --no-audit --no-fund --loglevel=error && touch $(LINT_STAMP); \
	else echo "npm not found: the Neo4j lint test will be skipped"; fi

ingest: setup
	$(BIN)/python -m ingest data/samples data/laws

run: ingest
	$(BIN)/streamlit run app.py --server.address 127.0.0.1

# The Neo4j live suite runs against a local ArcadeDB Bolt server (the pinned arcadedb-embedded wheel),
# started in a temporary folder on free ports and stopped by its pid afterwards, whatever pytest did.
test: setup browser
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m tests.arcadedb_server run -- $(BIN)/python -m pytest -q

# Debian's chromium (and a CJK font for readable screenshots) for the real-browser test, installed
# only when missing and apt is usable; without them that test is skipped with the reason.
browser:
	@if { [ ! -x $(CHROMIUM) ] || [ ! -d /usr/share/fonts/truetype/wqy ]; } && command -v apt-get >/dev/null 2>&1 \
		&& [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null) \
		|| echo "could not install chromium: the browser test will be skipped"; fi

stop:
	-$(BIN)/python -m graph server stop

clean: stop
	rm -rf $(VENV) data/store tools/cypher_lint/node_modules
