# Two commands from a fresh clone: `make play` and `make test`.
# Each creates .venv and installs what it needs the first time.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: play test bench simulate wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench

# dist/rapallo-*.whl, with the scenarios and assets inside: `pipx install dist/rapallo-*.whl` (see README).
wheel: $(STAMP)
	$(PY) -m pip wheel . --no-deps -w dist

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
