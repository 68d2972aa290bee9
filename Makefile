# Every target sets up what it needs: a local virtual environment with the pinned
# dependencies of requirements/lock.txt, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
PRISM := @stoplight/prism-cli@5.16.0
PRISM_STAMP := $(BENCH_VENV)/prism/.installed
SPEC := spec/openapi.yaml
GENERATE := $(BIN)/python -m generator generate $(SPEC) -o generated --package-name primotexto

.PHONY: generate check test test-large bench bench-large serve lock clean

$(STAMP): requirements/lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements/lock.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## generate: regenerate generated/ from spec/openapi.yaml
generate: $(STAMP)
	$(GENERATE)

## check: generated/ is current, and ruff and mypy --strict pass
check: $(STAMP)
	$(GENERATE) --check
	$(BIN)/ruff check generator tests bench
	$(BIN)/black --check --quiet generator tests bench
	cd generated && ../$(BIN)/ruff check . && ../$(BIN)/mypy --strict primotexto tests
	$(BIN)/mypy generator

## test: the checks, then every test (unit, golden, end-to-end, contract) but the large suites
test: check
	$(BIN)/python -m pytest -q -m "not large"

## test-large: the slow suites over the largest documents of ../shared/specs (tens of minutes)
test-large: $(STAMP)
	$(BIN)/python -m pytest -q -m large

## bench: performance figures as ratios against baselines measured in the same run
bench: $(STAMP) $(BENCH_STAMP) $(PRISM_STAMP)
	PEER_BIN=$(BENCH_VENV)/bin $(BIN)/python bench/run.py

## bench-large: generation time and memory on OpenAI and GitHub against the peer (many minutes)
bench-large: $(STAMP) $(BENCH_STAMP)
	PEER_BIN=$(BENCH_VENV)/bin $(BIN)/python bench/run.py --large

# The peer generator the benchmarks compare against, in a virtual environment of its own.
$(BENCH_STAMP): requirements/bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements/bench.txt
	touch $(BENCH_STAMP)

# Prism, the mock server the fixture server's figures are compared with (npm registry);
# without npm, the fixture server benchmark compares with a standard-library server.
$(PRISM_STAMP):
	mkdir -p $(BENCH_VENV)/prism
	if command -v npm >/dev/null 2>&1; then \
	  npm install --silent --no-audit --no-fund --prefix $(BENCH_VENV)/prism $(PRISM) \
	    || echo "Prism could not be installed: the fixture server bench uses its fallback"; \
	else echo "npm not found: the fixture server bench compares with the stdlib server"; fi
	touch $(PRISM_STAMP)

## serve: the recorded fixture server on 127.0.0.1:8080
serve: $(STAMP)
	$(BIN)/python -m generator serve $(SPEC) --port 8080

## lock: re-pin every dependency from requirements/*.in
lock:
	rm -rf /tmp/clientgen-lock && $(PYTHON) -m venv /tmp/clientgen-lock
	/tmp/clientgen-lock/bin/pip install --quiet -r requirements/generator.in -r requirements/dev.in
	{ echo "# Full pinned lock of every package the generator, the generated client and the tests use."; \
	  echo "# Regenerate with: make lock"; /tmp/clientgen-lock/bin/pip freeze --all --exclude pip; } > requirements/lock.txt

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache .mypy_cache .ruff_cache
