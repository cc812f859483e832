# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint install dev clean system-deps seed-graph report-picture

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install writes no bytecode, and where PYTHONDONTWRITEBYTECODE is set no run does: compile the
# package once, as pip does for a regular install (each process would otherwise compile it, ~0.2 s).
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q graph >/dev/null
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $@

install: $(STAMP)

dev: $(DEVSTAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/newsgraph build examples/ -o out/graph.ttl
	@echo
	@echo "Who called whom:"
	@$(BIN)/newsgraph query out/graph.ttl --name who-called-whom
	@echo
	@echo "Who congratulated whom:"
	@$(BIN)/newsgraph query out/graph.ttl --name who-congratulated-whom

test: lint system-deps
	$(BIN)/python -m pytest -q

# Lint and import order (ruff), and the layering of the stages (import-linter contracts in pyproject.toml).
lint: $(DEVSTAMP)
	$(BIN)/ruff check graph tests scripts
	$(BIN)/lint-imports --no-cache

# Graphviz draws the static pictures, Chromium runs the browser test, Java runs Spark. Installed when we
# are root with apt-get (CI, fresh machines); elsewhere the tests that need them skip and say why.
system-deps:
	@if command -v dot >/dev/null && command -v chromium >/dev/null && command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz chromium \
	      openjdk-17-jre-headless >/dev/null; } \
	    || echo "note: could not install graphviz/chromium/java: their tests will skip"; \
	else echo "note: graphviz, chromium or java missing and not root: their tests will skip"; fi

# The README's pictures. The seed's graph: make seed-graph SEED_GRAPH=out/seed.ttl
SEED_GRAPH ?= out/graph.ttl
seed-graph: $(STAMP)
	@mkdir -p docs
	$(BIN)/newsgraph draw $(SEED_GRAPH) -o docs/seed-graph.png --projection full

# The report page of the examples, as headless Chromium shows it (the layout is drawn anew each time)
report-picture: $(STAMP)
	@mkdir -p out docs
	$(BIN)/newsgraph build examples/ -o out/graph.ttl
	$(BIN)/newsgraph report out/graph.ttl -o out/report.html --title "The four example articles"
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2660 \
	  --virtual-time-budget=20000 --screenshot=docs/report.png "file://$(CURDIR)/out/report.html" 2>/dev/null

clean:
	rm -rf $(VENV) out build *.egg-info
