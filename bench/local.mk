# SPDX-License-Identifier: MIT
# `make bench` runs every bench/*.sh script in name order. Each prints its own
# figures; none of them is a pass/fail test.
EXTRA_DIST += $(wildcard $(srcdir)/bench/*.sh)

bench: all
	@set -e; for script in $(srcdir)/bench/*.sh; do \
	  [ -f "$$script" ] || continue; \
	  echo "== $$script"; \
	  GOAT='$(abs_top_builddir)/goat' top_srcdir='$(abs_top_srcdir)' \
	  top_builddir='$(abs_top_builddir)' GOROOT_SRC='$(GOROOT_SRC)' GO='$(GO)' \
	  sh "$$script"; \
	done
.PHONY: bench
