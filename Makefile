# Conseils: `make extract` sets everything up and runs the whole job on samples/ into out/;
# `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := models/faster-whisper-base/model.bin
INPUT ?= samples
OUT ?= out

.PHONY: all install models extract test bench train clean

all: extract

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

$(MODEL): models/build.py models/manifest.json | $(STAMP)
	$(BIN)/python models/build.py

models: $(MODEL)

extract: $(STAMP) $(MODEL)
	$(BIN)/conseils run $(INPUT) --out $(OUT)

test: $(STAMP) $(MODEL)
	$(BIN)/python -m pytest -q

bench: $(STAMP) $(MODEL)
	$(BIN)/python -m pipeline.bench

# the glossary term, network, time-of-day, day, tip and join models (pipeline/data/term_model.json,
# network_model.json, time_model.json, day_model.json, tip_model.json, join_model.json), retrained on the annotated development set
# and, for the term model, the development openings
TERM_SETS = eval_terms eval_terms2 eval_terms3 eval_terms4 eval_terms5 eval_terms6 eval_terms7 eval_terms8 eval_terms9 eval_terms10 eval_terms11 eval_terms12 eval_terms13 eval_terms14 eval_terms15 eval_terms16 eval_terms17 eval_terms18 eval_terms19 eval_terms20 eval_terms21 eval_terms22 eval_terms23 eval_terms24 eval_terms25 eval_terms26 eval_terms27 eval_terms28 eval_terms29 eval_terms30
train: $(STAMP)
	$(BIN)/python -m pipeline.extract.train tests/data/eval --out pipeline/data/tip_model.json \
		--networks-out pipeline/data/network_model.json --times-out pipeline/data/time_model.json \
		--days-out pipeline/data/day_model.json \
		--terms-out pipeline/data/term_model.json --joins-out pipeline/data/join_model.json \
		$(foreach set,$(TERM_SETS),--terms tests/data/$(set))

clean:
	rm -rf $(OUT) .pytest_cache
