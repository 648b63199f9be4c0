# Front door of the project: `make report` and `make test` are all a new user needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data/raw
REPORTS ?= reports

.PHONY: setup test lint report report-deps test-deps lab bench clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lint: setup
	$(PY) -m ruff check .

test: setup lint report-deps test-deps
	$(PY) -m pytest

report: setup report-deps
	$(PY) -m analysis report $(CORPUS) --reports $(REPORTS)

# The PDF engine (WeasyPrint) draws text with Pango (required). It subsets the embedded CJK
# font with libharfbuzz-subset when present (else with fontTools, ten times slower: wanted, not
# required). System libraries: installed here when missing (Debian, as root), else named.
REPORT_LIBS := libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
	libharfbuzz.so.0:libharfbuzz0b libfontconfig.so.1:libfontconfig1
WANTED_LIBS := libharfbuzz-subset.so.0:libharfbuzz-subset0
LDCONFIG := $(shell command -v ldconfig || echo /sbin/ldconfig)
missing_packages = $$(for pair in $(1); do \
	  $(LDCONFIG) -p 2>/dev/null | grep -q "$${pair%%:*}" || printf ' %s' "$${pair\#\#*:}"; done)
report-deps:
	@missing="$(call missing_packages,$(REPORT_LIBS) $(WANTED_LIBS))"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing the PDF engine's system libraries:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
	    || echo "warning: apt-get could not install$$missing" >&2; \
	fi; \
	missing="$(call missing_packages,$(REPORT_LIBS))"; \
	if [ -n "$$missing" ]; then \
	  echo "error: the PDF needs the system packages$$missing: apt-get install$$missing" >&2; \
	  exit 1; \
	fi

# The HTML report's searchable tables are tested in headless Chromium (tests/test_html_tables.py,
# driven by the playwright package, which never downloads a browser of its own here): Debian's
# chromium is installed when missing and run as root; otherwise those tests skip and say why.
test-deps:
	@if ! command -v chromium >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium for the HTML table tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	    || echo "warning: apt-get could not install chromium; the HTML table tests will skip" >&2; \
	fi

lab: setup
	$(VENV)/bin/jupyter lab notebooks

# BENCH_ARGS=--large adds the 20,000-article rows (slow); eval_figures scores the gold set, then
# the kept blind pages (tests/data/gold/blind); learned_dates runs its held-out date models.
bench: setup
	$(PY) benchmarks/bench.py $(BENCH_ARGS)
	$(PY) benchmarks/bench_web.py
	$(PY) benchmarks/eval_figures.py
	$(PY) benchmarks/eval_figures.py --corpora tests/data/gold/blind --gold tests/data/gold/figures-blind.csv
	$(PY) benchmarks/learned_dates.py

clean:
	rm -rf $(REPORTS) data/processed/*.parquet data/processed/*.pkl .pytest_cache .ruff_cache
