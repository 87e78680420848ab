# Partner Portal — `make demo` opens the TUI on a generated demo catalog;
# `make test` runs every test. Both install missing Debian packages first.
SWIFT ?= swift
BUILD_DIR ?= .build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# What building, the demo and the tests use. Kept in one list so a fresh machine
# gets everything from `make demo` or `make test`.
APT_PACKAGES := pkg-config libncursesw5-dev libsqlite3-dev sqlite3 libpng-dev libjpeg-dev tmux \
	tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra pocketsphinx pocketsphinx-en-us \
	ffmpeg poppler-utils espeak-ng openssh-server openssh-client bc python3-venv python3-yaml
PORTAL := $(BUILD_DIR)/debug/portal

.PHONY: deps pydeps build release demo test test-only format lint bench fixtures man clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "make deps: all Debian packages present"; fi

# Python tools the tests run: mlcroissant 1.1.1 (the MLCommons Croissant validator and
# loader, with its dependencies pandas, numpy, rdflib, networkx, jsonpath-rw…) in a venv
# under the build directory, checking export bundles' croissant.json.
VENV := $(BUILD_DIR)/venv
MLCROISSANT_VERSION := 1.1.1
ASCIINEMA_VERSION := 2.4.0
pydeps:
	@if $(VENV)/bin/python -c "import mlcroissant, importlib.metadata as m; assert m.version('mlcroissant') == '$(MLCROISSANT_VERSION)'; assert m.version('asciinema') == '$(ASCIINEMA_VERSION)'" 2>/dev/null; then \
	  echo "make pydeps: mlcroissant $(MLCROISSANT_VERSION) and asciinema $(ASCIINEMA_VERSION) present"; \
	else echo "make pydeps: installing mlcroissant $(MLCROISSANT_VERSION) and asciinema $(ASCIINEMA_VERSION) into $(VENV)"; \
	  python3 -m venv $(VENV) && $(VENV)/bin/pip install --quiet --disable-pip-version-check mlcroissant==$(MLCROISSANT_VERSION) asciinema==$(ASCIINEMA_VERSION); fi

build: deps
	$(SWIFT) build --scratch-path $(BUILD_DIR)

release: deps
	$(SWIFT) build -c release --scratch-path $(BUILD_DIR)

demo: build
	$(PORTAL) demo

# Builds the executable too: the command-line tests run the real binary.
test: deps pydeps
	$(SWIFT) build --build-tests --scratch-path $(BUILD_DIR)
	$(SWIFT) test --skip-build --scratch-path $(BUILD_DIR)

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests

bench: release
	@for s in scripts/bench-*; do echo "== $$s"; PORTAL_BIN=$(BUILD_DIR)/release/portal bash "$$s" || exit 1; done

# Regenerates the committed demo fixtures (needs espeak-ng, ImageMagick, ffmpeg).
fixtures:
	bash scripts/make-fixtures

# Man pages from the command definitions (swift-argument-parser's GenerateManual plugin).
man: deps
	$(SWIFT) package --scratch-path $(BUILD_DIR) --allow-writing-to-package-directory generate-manual \
	  --configuration debug --multi-page
	@echo "man pages in $(BUILD_DIR)/plugins/GenerateManual/outputs/portal (man -l …/portal.1)"

clean:
	rm -rf $(BUILD_DIR)
