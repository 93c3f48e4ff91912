# Värdskap: the two commands a newcomer needs are `make run` and `make test`.
# Each installs what it needs first and is quick when nothing is missing.

SHELL := /bin/bash
.DEFAULT_GOAL := run
PROFILE ?= debug
CARGO_PROFILE_FLAG := $(if $(filter release,$(PROFILE)),--release,)
APP := target/$(PROFILE)/vardskap

.PHONY: run test build ui setup-build setup-test test-rust test-ui build-e2e test-e2e lint deny bindings check-bindings bench load fuzz dist test-installed clean

## run: install what is missing, build, and open the app with the built-in course
run: build
	./$(APP)

## test: install what the tests need and run every test (Rust, UI, end-to-end, accessibility)
## The release packages for test-installed build in the background, at the lowest CPU
## priority, while lint and the other suites run (scripts/release-in-background.sh).
test: setup-test ui check-bindings
	@scripts/release-in-background.sh $(MAKE) --no-print-directory UI_BUILT=1 lint deny test-rust test-ui build test-e2e
	scripts/test-installed.sh --built
	@echo "make test: all suites passed"

setup-build:
	@scripts/setup-build.sh

setup-test:
	@scripts/setup-test.sh

# UI_BUILT=1: ui/build is already made (`make test` passes it to the make that
# runs beside the background release build, whose compile embeds ui/build: a
# second UI build would empty the folder under it).
ui: setup-build
ifneq ($(UI_BUILT),1)
	cd ui && npm run build
endif

# The CLI is built too: the end-to-end tests pack and unpack course packages with it.
build: ui
	cargo build -p vardskap -p vardskap-cli $(CARGO_PROFILE_FLAG)

# The shell embeds ui/build at compile time, so every Rust build needs the UI first.
test-rust: ui
	cargo test --workspace

test-ui: setup-build
	cd ui && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
	cd ui && npm test

# The end-to-end tests drive a build whose file dialogs answer from a queue
# (feature e2e-dialogs), copied to vardskap-e2e; the plain build is linked
# back in place after, so `make run` never starts the test variant.
E2E_APP := target/$(PROFILE)/vardskap-e2e
# The plain build (default features, as a release) must not contain the
# test answers; the e2e build must.
build-e2e: build
	@! grep -qa VARDSKAP_E2E_DIALOGS $(APP) || { echo "$(APP) answers file dialogs from VARDSKAP_E2E_DIALOGS: only the e2e build may" >&2; exit 1; }
	cargo build -p vardskap --features e2e-dialogs $(CARGO_PROFILE_FLAG)
	@grep -qa VARDSKAP_E2E_DIALOGS $(APP) || { echo "the e2e build lacks its dialog answers" >&2; exit 1; }
	cp $(APP) $(E2E_APP).new && mv -f $(E2E_APP).new $(E2E_APP)
	cargo build -p vardskap $(CARGO_PROFILE_FLAG)

test-e2e: build-e2e
	VARDSKAP_E2E_APP=$(CURDIR)/$(E2E_APP) scripts/e2e.sh

## lint: the style gates: rustfmt, clippy with warnings as errors, prettier and eslint on ui/
lint: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npx prettier --check . && npx eslint .

## deny: the crates' licences (deny.toml's allow list), bans (several versions of a crate
## only warn) and sources (crates.io only), offline. Advisories need the RustSec database
## from the network: a maintainer runs `cargo deny check advisories` (README).
deny: setup-test
	cargo deny --frozen check --hide-inclusion-graph licenses bans sources

## bindings: regenerate the TypeScript types of everything that crosses to the UI
bindings: ui
	rm -rf ui/src/lib/bindings
	cargo test -q --workspace export_bindings -- --skip export_bindings_commands >/dev/null
	# The typed command client imports the types above, so it comes after them.
	# (--workspace like the line above: the same features, so nothing is compiled again)
	cargo test -q --workspace --lib export_bindings_commands >/dev/null

## check-bindings: fail when the committed TypeScript bindings are stale
check-bindings: bindings
	@git diff --exit-code --stat -- ui/src/lib/bindings || \
	  { echo "ui/src/lib/bindings is stale: run 'make bindings' and commit the result." >&2; exit 1; }
	@untracked=$$(git ls-files --others --exclude-standard -- ui/src/lib/bindings); \
	  if [ -n "$$untracked" ]; then echo "New bindings not committed: $$untracked" >&2; exit 1; fi

## dist: the release installers of this system with Tauri's bundler: .deb and .rpm on Linux
## (target/release/bundle/); AppImage is left out, Windows and macOS are built there (README)
dist:
	scripts/dist.sh

## test-installed: builds the release .deb, installs it with apt-get, drives the installed app
## under Xvfb, removes it with --purge and checks nothing is left (needs root or sudo)
test-installed: setup-test
	scripts/test-installed.sh

## bench: criterion benchmarks of the core and the app's start/memory benchmark
bench: setup-test
	cargo bench -p vardskap-core
	scripts/bench-app.sh

## load: the sync's load test: 50,000 statements from 200 learners' outboxes, 16 syncing at a
## time, to Ralph on loopback; fails when a statement is lost or stored twice (about 4 min
## plus a release build; not part of `make test`)
load: setup-test
	cargo run -p vardskap-sync --example throughput --release -- --outboxes 200 --parallel 16 --statements 50000 --batch 50

## fuzz: a bounded libFuzzer run of each target in fuzz/ (FUZZ_SECONDS per target, default 300); not part of `make test`
fuzz:
	scripts/fuzz.sh

clean:
	cargo clean
	rm -rf ui/build test-output
