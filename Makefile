PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py
# Extra requirements for one install, such as CI's oldest supported releases: PINS="wagtail==7.4.*"
PINS ?=

.PHONY: run test test-demo test-plugin lint install messages bench serve-prod clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[demo,test]' $(PINS)
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

# Two suites: the demo site's, and the plugin's own on tests/testapp (three languages, no demo).
test: test-demo test-plugin

test-demo: messages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest

test-plugin: messages
	DJANGO_SETTINGS_MODULE=tests.testapp.settings $(PY) -m pytest tests/plugin
	DJANGO_SETTINGS_MODULE=tests.testapp.settings_one_language $(PY) -m pytest -q tests/plugin

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 static

# serve-prod: the production settings on this machine over plain HTTP, against the local
# PostgreSQL and Redis. The key below is public: it is fit for nothing but a local run.
PROD_DB ?= cookie_policy_prod
PSQL := psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q
LOCAL_ONLY_INSECURE_SECRET_KEY := local-only-insecure-key-for-make-serve-prod-never-deploy-it

serve-prod: export DJANGO_SETTINGS_MODULE := cms.settings.production
serve-prod: export SECRET_KEY ?= $(LOCAL_ONLY_INSECURE_SECRET_KEY)
serve-prod: export DATABASE_URL := postgres://postgres@127.0.0.1:5432/$(PROD_DB)
serve-prod: export REDIS_URL := redis://127.0.0.1:6379/0
serve-prod: export CACHE_KEY_PREFIX := $(PROD_DB)
serve-prod: export ALLOWED_HOSTS := 127.0.0.1,localhost
serve-prod: export WAGTAILADMIN_BASE_URL := http://127.0.0.1:$(PORT)
serve-prod: export SECURE_SSL_REDIRECT := 0
serve-prod: messages
	$(PSQL) -tAc "SELECT 1 FROM pg_database WHERE datname = '$(PROD_DB)'" postgres | grep -q 1 \
		|| $(PSQL) -c 'CREATE DATABASE "$(PROD_DB)"' postgres
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_content
	exec $(VENV)/bin/gunicorn cms.wsgi --workers 2 --bind 127.0.0.1:$(PORT) --access-logfile -

# bench: a venv of its own with the packages we compare against; not part of `make test`.
BENCH_VENV := .bench/venv
BENCH_NPM := .bench/npm

# Playwright drives Chromium through the five-page visit of bench/assets.py.
$(BENCH_VENV)/.installed: pyproject.toml Makefile
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -qq --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install -qq -e '.[demo]' 'django-cookie-consent==1.0.*' \
		'playwright>=1.45'
	touch $@

$(BENCH_NPM)/.installed:
	npm install --prefix $(BENCH_NPM) --no-save --no-audit --no-fund --ignore-scripts \
		--loglevel=error vanilla-cookieconsent@3.1.0 klaro@0.7.22
	touch $@

bench: messages $(BENCH_VENV)/.installed $(BENCH_NPM)/.installed
	$(BENCH_VENV)/bin/python -m bench.run
