# SPDX-License-Identifier: GPL-2.0
#
# nfsec top level.  `make help` lists the targets.

TOP := $(CURDIR)
# The newest Debian kernel headers installed: never the host's own kernel.
KDIR ?= $(lastword $(sort $(wildcard /usr/src/linux-headers-*-amd64)))

all: module tools

module:
	@test -n "$(KDIR)" || { echo "no Debian kernel headers under /usr/src (run: make deps)" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(TOP) modules

tools:
	$(MAKE) -C tools

# make check and make demo install what is missing first.
deps-ok:
	@scripts/deps.sh --check 2>/dev/null || scripts/deps.sh

deps:
	scripts/deps.sh

check: deps-ok
	scripts/check

demo: deps-ok
	scripts/demo

# nfsec against XFRM, WireGuard and plaintext in one VM run (never part of
# make check, which runs only a smoke of the harness: selftests/bench.sh).
bench: deps-ok
	scripts/bench

lint: deps-ok
	scripts/lint

# Each libFuzzer target for FUZZ_SECONDS (default 60); make check runs 30 s.
fuzz: deps-ok
	scripts/fuzz

clean:
	-test -n "$(KDIR)" && $(MAKE) -C $(KDIR) M=$(TOP) clean
	$(MAKE) -C tools clean
	rm -rf build

help:
	@echo "make          build kmod/nfsec.ko (KDIR=$(KDIR)) and the tools"
	@echo "make check    unit tests, module builds for 6.1 and 6.12 (W=1), selftests"
	@echo "              on the stock kernel, KUnit + selftests on the debug kernel"
	@echo "make demo     boot a VM, load the module, show cryptoctl version"
	@echo "make bench    throughput/latency/scale against XFRM and WireGuard"
	@echo "make deps     install everything from Debian's packages"
	@echo "make lint     checkpatch and sparse on kmod/, clang-format and cppcheck"
	@echo "              on tools/, shellcheck on scripts/ and selftests/"
	@echo "make fuzz     each libFuzzer target FUZZ_SECONDS (default 60)"

.PHONY: all module tools deps-ok deps check demo bench lint fuzz clean help
