# Front door of the project: `make report` and `make test` are all a new user needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data/raw
REPORTS ?= reports
# Quiet progress bars in logs; tqdm honours this.
export TQDM_DISABLE ?= $(if $(CI),1,)

.PHONY: setup test lint report lab bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lint: setup
	$(PY) -m ruff check .

test: setup lint
	$(PY) -m pytest

report: setup
	$(PY) -m analysis report $(CORPUS) --reports $(REPORTS)

lab: setup
	$(VENV)/bin/jupyter lab notebooks

bench: setup
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(REPORTS) data/processed/*.parquet .pytest_cache .ruff_cache
