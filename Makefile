# The two commands: `make run` (set up and start) and `make test` (set up and run all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup lint format browser eval check-deploy clean

# The stamp is written only after a complete install, so an interrupted one is redone.
STAMP := $(VENV)/.installed

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py demousers
	$(BIN)/python manage.py loadseeds

run: setup
	$(BIN)/honcho start -f Procfile

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

eval: $(STAMP)
	@if [ -d ../shared/eval ]; then \
	  $(BIN)/python -m claims.extraction.evaluate ../shared/eval/polnear-dev.jsonl && \
	  $(BIN)/python -m claims.extraction.evaluate ../shared/eval/checkworthy-dev.jsonl; \
	else echo "No evaluation data: ../shared/eval does not exist here, so there is nothing to score."; fi

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=desk.example.org \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var/broker var/broker-control var/test.sqlite3*
