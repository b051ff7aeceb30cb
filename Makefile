# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/manysides ingest examples/demo --db demo.db --verbose
	$(BIN)/manysides articles --db demo.db
	@echo
	@echo "Try next:  $(BIN)/manysides extract examples/demo/dumps/*.txt --json"
	@echo "      or:  $(BIN)/manysides articles --db demo.db --outlet 'Meridian Daily' --json"

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.extraction_html
	$(BIN)/python -m benchmarks.extraction_text

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache demo.db
