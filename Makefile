# Coachboard: `make run` starts the app, `make test` runs every test. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
COACHBOARD_DB ?= data/coachboard.duckdb
export COACHBOARD_DB

.PHONY: run team test check lint demo bench soak screens system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.address=localhost

# A local try of the team server: PostgreSQL (data/team/), N app processes sharing one cookie
# secret, HAProxy in front on PORT with sticky sessions (docs/replicas.md). Ctrl-C stops all.
N ?= 2
PORT ?= 8501
team: $(VENV)/.runtime
	$(BIN)/python tools/team.py --replicas $(N) --port $(PORT)

# Every test: the unit and page tests on both cores, then the browser journeys one at a time
# (each starts its own app server and Chromium).
test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -n 2 -m "not browser"
	$(BIN)/python -m pytest -q -m browser

# The edit loop, under a minute: lint, layer rules and the fast unit tests on both cores. The
# page tests, the PostgreSQL cases, tests starting processes or servers and the tests measured
# slow are marked `slow` (tests/conftest.py) and left to `make test`; their folders are not
# even collected.
check: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -n 2 -m "not browser and not slow" \
		--ignore=tests/views --ignore=tests/browser --ignore=tests/replicas

lint: $(VENV)/.dev
	$(BIN)/ruff check .

demo: $(VENV)/.runtime
	$(BIN)/python cli.py demo

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

# 30 minutes of reruns at 5,000 people: the server's memory must stay flat (not in CI).
soak: $(VENV)/.dev
	$(BIN)/python bench/run.py --only soak

# Every page in English and Chinese at 1440 px and 390 px, into artifacts/screens/ (demo data).
screens: $(VENV)/.dev
	$(BIN)/python tools/screens.py

# The browser tests drive Debian's Chromium; Chinese text needs a CJK font; `make team` and the
# replica tests run PostgreSQL and HAProxy. Run as root (or sudo).
system-deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
		postgresql haproxy

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
