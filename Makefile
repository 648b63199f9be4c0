# Front door of the project: `make report` and `make test` are all a new user needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data/raw
REPORTS ?= reports

.PHONY: setup test lint report report-deps lab bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lint: setup
	$(PY) -m ruff check .

test: setup lint report-deps
	$(PY) -m pytest

report: setup report-deps
	$(PY) -m analysis report $(CORPUS) --reports $(REPORTS)

# The PDF engine (WeasyPrint) draws text with Pango and subsets the embedded CJK font with
# HarfBuzz (without libharfbuzz-subset it falls back to fontTools, ten times slower). These are
# system libraries: installed here when missing (Debian/Ubuntu, as root), else named.
REPORT_LIBS := libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
	libharfbuzz.so.0:libharfbuzz0b libharfbuzz-subset.so.0:libharfbuzz-subset0 \
	libfontconfig.so.1:libfontconfig1
LDCONFIG := $(shell command -v ldconfig || echo /sbin/ldconfig)
report-deps:
	@missing=""; for pair in $(REPORT_LIBS); do \
	  $(LDCONFIG) -p 2>/dev/null | grep -q "$${pair%%:*}" || missing="$$missing $${pair##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing the PDF engine's system libraries:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "error: the PDF needs the system packages$$missing: apt-get install$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

lab: setup
	$(VENV)/bin/jupyter lab notebooks

bench: setup
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(REPORTS) data/processed/*.parquet .pytest_cache .ruff_cache
