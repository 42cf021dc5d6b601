# Everything a fresh clone needs: `make demo` runs hadath on the bundled sample corpus,
# `make test` runs the checks. Both build the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= examples/hadath.duckdb

.PHONY: demo test lint bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

demo: $(BIN)/.installed
	rm -f $(DB)
	$(BIN)/hadath run examples/seeds --db $(DB)
	$(BIN)/hadath summary --db $(DB)

lint: $(BIN)/.installed
	$(BIN)/ruff check hadath tests scripts

test: lint
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python -m scripts.bench

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
