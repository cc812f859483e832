# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test install dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
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

test: $(DEVSTAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out build *.egg-info
