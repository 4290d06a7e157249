PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py

.PHONY: run test lint install messages bench serve-prod clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore '$(VENV)*' --ignore '.venv*' -v 0

run: messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ]; then \
		$(MANAGE) createsuperuser --noinput 2>/dev/null || echo "Admin $$DJANGO_SUPERUSER_USERNAME exists."; fi
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: messages
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 static
