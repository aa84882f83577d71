# The two commands a newcomer runs: `make demo` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
OUT := out

.PHONY: demo test test-fast lint bench bench-scale docs readme setup browser clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests; skipped when already installed.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

demo: $(STAMP)
	$(BIN)/mscgraph build
	$(BIN)/mscgraph stats
	$(BIN)/mscgraph studies --read-in ferrini-2025
	@mkdir -p $(OUT)
	$(BIN)/mscgraph viz -o $(OUT)/graph.html
	$(BIN)/mscgraph paths VEGF pain -f html -o $(OUT)/paths-vegf-pain.html
	$(BIN)/mscgraph paths VEGF pain
	@echo "open $(OUT)/graph.html and $(OUT)/paths-vegf-pain.html in a browser"

test: $(STAMP) browser
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules --nbmake src/msc_graph tests notebooks

# The edit-run loop: everything but the slow, browser and notebook tests, on both cores (under a minute).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules -m "not slow and not browser" -x -n 2 src/msc_graph tests

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/serve_load.py
	$(BIN)/python benchmarks/draft_loo.py

# Ten times Hetionet (22.5M edges streamed to ~2 GB of TSV, ~15 GB while it runs): import time, peak, disk.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py

# Regenerate the command outputs shown in README.md (tests/test_readme.py fails when one is stale).
readme: $(STAMP)
	$(BIN)/cog -I scripts -r README.md

docs: $(STAMP) browser
	$(BIN)/python scripts/screenshot.py docs/graph.png

clean:
	rm -rf $(VENV) .mscgraph-cache $(OUT)
