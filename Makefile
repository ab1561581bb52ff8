# md2sdk build. On a fresh clone `make generate` and `make test` are the only commands
# needed: both depend on `install`, which creates .venv once (and again only when
# pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.md2sdk-installed
GENERATED := .md2sdk-cache/generate.stamp
GENERATE_INPUTS := pyproject.toml $(shell find specs templates generator -type f \
	-not -path '*/__pycache__/*' -not -name '*.pyc' 2>/dev/null)

.PHONY: install generate test test-fast lint check fuzz bench

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# A real file target: a second `make generate` with no input changed does nothing.
# md2sdk itself also leaves unchanged files alone, so their mtimes never move.
generate: $(GENERATED)

$(GENERATED): $(INSTALLED) $(GENERATE_INPUTS)
	$(BIN)/md2sdk generate
	@mkdir -p $(@D)
	touch $@

# The Prism mock server for the contract test, pinned in package-lock.json.
NODE_MODULES := node_modules/.package-lock.json

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The suite runs in parallel (pytest-xdist, one worker per core; modules marked
# xdist_group keep their shared fixture on one worker). `test-fast` is the inner loop:
# everything but the `toolchain` tests (build, pip, mypy, ruff, pre-commit, Prism, the
# generated suites), so it needs no node_modules either.
PYTEST_WORKERS ?= auto
PARALLEL := -n $(PYTEST_WORKERS) --dist loadgroup

test: $(INSTALLED) $(NODE_MODULES)
	$(BIN)/pytest $(PARALLEL)

test-fast: $(INSTALLED)
	$(BIN)/pytest $(PARALLEL) -m "not toolchain"

lint: $(INSTALLED)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy --strict generator

# Fails (exit 1, with a diff) when the committed generated/ is stale.
check: $(INSTALLED)
	$(BIN)/md2sdk check

# Long fuzzing run (20,000 examples per property, random seed; MD2SDK_FUZZ_EXAMPLES=N
# changes the count). `make test` runs a bounded, derandomized profile of the same tests.
fuzz: $(INSTALLED)
	MD2SDK_FUZZ=long $(BIN)/pytest -q tests/robust/test_fuzz_parse.py tests/robust/test_fuzz_pipeline.py

# Benchmarks on ../shared/bench (S powerdns, M slack, L kubernetes) side by side with
# openapi-python-client (pinned, in bench/.venv-opc); prints a table, writes
# bench/results.json. Fails only on errors, never on timings. Not part of `make test`.
bench: $(INSTALLED) $(NODE_MODULES)
	$(BIN)/python -m bench.run
