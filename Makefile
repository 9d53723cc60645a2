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

# make install: FHS paths under PREFIX (default /usr), into DESTDIR.
PREFIX ?= /usr
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/nfsec
INCLUDEDIR ?= $(PREFIX)/include
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR ?= /etc
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
CD := tools/cryptod
# A unit from its template: the paths, and the shared hardening lines.
define unit
	sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		-e 's|@DOCDIR@|$(DOCDIR)|g' \
		-e '/^@HARDENING@$$/{r $(CD)/cryptod-hardening.conf' -e 'd}' \
		$(CD)/$(1).in >$(DESTDIR)$(UNITDIR)/$(1)
	chmod 0644 $(DESTDIR)$(UNITDIR)/$(1)
endef

# The tools, the uapi header, the units and the man pages; /etc/nfsec is
# root's alone, and the example goes to the documentation, never over a
# configuration.  The module is DKMS's to install; the engine's user is
# the package's to create (scripts/deps.sh shows how).
install: tools
	install -d -m 0755 $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(INCLUDEDIR)/linux \
		$(DESTDIR)$(UNITDIR)
	install -d -m 0700 $(DESTDIR)$(SYSCONFDIR)/nfsec
	install -m 0755 build/tools/cryptod/cryptod \
		build/tools/cryptoctl/cryptoctl $(DESTDIR)$(SBINDIR)
	install -m 0644 uapi/linux/nfsec.h $(DESTDIR)$(INCLUDEDIR)/linux
	install -m 0644 Documentation/cryptoctl.8 Documentation/cryptod.8 \
		$(DESTDIR)$(MANDIR)/man8
	install -m 0644 Documentation/cryptod.conf.5 $(DESTDIR)$(MANDIR)/man5
	install -d -m 0755 $(DESTDIR)$(COMPLETIONDIR)
	install -m 0644 tools/cryptoctl/cryptoctl.bash-completion \
		$(DESTDIR)$(COMPLETIONDIR)/cryptoctl
	install -m 0644 $(CD)/cryptod.conf.example \
		$(DESTDIR)$(DOCDIR)/examples/cryptod.conf
	$(call unit,cryptod.service)
	$(call unit,cryptod@.service)

# The module's sources as DKMS takes them: /usr/src/nfsec-VERSION with its
# dkms.conf.  Then `dkms install nfsec/VERSION` builds and installs it for
# each kernel with headers (the Debian package nfsec-dkms does this).
VERSION := $(shell cat VERSION)
DKMSDIR ?= $(PREFIX)/src/nfsec-$(VERSION)
install-dkms:
	install -d -m 0755 $(DESTDIR)$(DKMSDIR)/kmod/tests \
		$(DESTDIR)$(DKMSDIR)/uapi/linux
	install -m 0644 Kbuild VERSION $(DESTDIR)$(DKMSDIR)
	sed 's|#MODULE_VERSION#|$(VERSION)|' dkms.conf >$(DESTDIR)$(DKMSDIR)/dkms.conf
	chmod 0644 $(DESTDIR)$(DKMSDIR)/dkms.conf
	install -m 0644 kmod/Kbuild kmod/*.c kmod/*.h $(DESTDIR)$(DKMSDIR)/kmod
	install -m 0644 kmod/tests/Kbuild kmod/tests/*.c kmod/tests/*.h \
		$(DESTDIR)$(DKMSDIR)/kmod/tests
	install -m 0644 uapi/linux/nfsec.h $(DESTDIR)$(DKMSDIR)/uapi/linux

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
	@echo "make install  cryptod, cryptoctl, units, man pages, uapi header"
	@echo "              (DESTDIR, PREFIX)"
	@echo "make install-dkms  the module's sources and dkms.conf under"
	@echo "              \$$(PREFIX)/src/nfsec-VERSION, for dkms install"
	@echo "make lint     checkpatch and sparse on kmod/, clang-format and cppcheck"
	@echo "              on tools/, shellcheck on scripts/ and selftests/,"
	@echo "              mandoc on the man pages, make install's result"
	@echo "make fuzz     each libFuzzer target FUZZ_SECONDS (default 60)"

.PHONY: all module tools install install-dkms deps-ok deps check demo bench lint fuzz clean \
	help
