# Two commands do all set-up (see README): `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench report clean lock lint

$(STAMP): requirements.lock pyproject.toml setup.py
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "newsagree needs Python 3.11, got " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## run the nightly flow on the embedded defaults (data/raw -> data/processed -> data/warehouse.duckdb), then show status
run: install
	$(BIN)/newsagree run
	$(BIN)/newsagree status --limit 5

## the whole test suite
test: install
	$(BIN)/pytest -q -n auto --maxprocesses=4 --dist loadfile

## performance benchmark (prints ratios; asserts nothing about time)
bench: install
	$(BIN)/python -m bench

## resolve requirements.lock from pyproject.toml (dependencies + test and dev extras + build requirements) with
## pip-compile; existing pins are kept when they still satisfy pyproject (add --upgrade to move them)
lock: install
	$(BIN)/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	    --all-build-deps --extra test --extra dev --output-file requirements.lock pyproject.toml

## linters and type checker (configured in pyproject.toml)
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf data/processed/*/ data/processed/_* data/warehouse.duckdb* report
