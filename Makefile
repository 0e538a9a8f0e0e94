# Two commands matter: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE ?= data/warehouse
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install browser spark demo test test-fast serve bench clean lock

$(BIN)/peristiwa: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

install: $(BIN)/peristiwa

demo: install  ## ingest seeds/ into $(WAREHOUSE) and show what landed
	$(BIN)/peristiwa ingest seeds/articles --warehouse $(WAREHOUSE)
	$(BIN)/peristiwa status --warehouse $(WAREHOUSE)

test: install browser spark  ## the whole suite
	$(BIN)/python -m pytest

# The report's browser test needs Debian's Chromium; without it (not root, no apt) that test skips.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium not installed: the report's browser test will skip"

# Spark gets its own venv: pyspark in .venv would make pandera import it (and warn) in every process.
# The reader test runs .venv-spark/bin/python as a subprocess; without java or pyspark it skips.
SPARK_VENV := .venv-spark
spark: $(SPARK_VENV)/installed

$(SPARK_VENV)/installed: constraints-spark.txt
	@command -v java >/dev/null 2>&1 || { echo "java not found: the Spark reader test will skip"; exit 0; }; \
	{ rm -rf $(SPARK_VENV) && $(PYTHON) -m venv $(SPARK_VENV) \
		&& $(SPARK_VENV)/bin/pip install --quiet -c constraints-spark.txt pyspark && touch $@; } \
	|| { rm -rf $(SPARK_VENV); echo "pyspark not installed: the Spark reader test will skip"; }

serve: install  ## local Prefect server + deployments + worker; Ctrl-C stops
	$(BIN)/peristiwa serve --warehouse $(WAREHOUSE)

bench: install  ## 25k and 256k articles: cold, no-op, 1% new, and the pyarrow floor; figures for bench/README.md
	$(BIN)/python bench/scale.py --sizes $(or $(SIZES),25k,256k)

test-fast: install
	$(BIN)/python -m pytest -m "not slow and not corpus"

lock:  ## refresh constraints.txt from a clean resolve
	rm -rf /tmp/peristiwa-lock && $(PYTHON) -m venv /tmp/peristiwa-lock
	/tmp/peristiwa-lock/bin/pip install --quiet '.[test]'
	/tmp/peristiwa-lock/bin/pip freeze --exclude peristiwa > constraints.txt

clean:
	rm -rf $(VENV) $(SPARK_VENV) data build *.egg-info
